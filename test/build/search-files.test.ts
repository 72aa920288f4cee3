import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchFiles } from '../../src/build/search-files';
import { dataFiles } from '../../src/content/files';
import { DATA_VERSION } from '../../src/content/schema';
import { createIndex, createSearchIndex, searchPosts } from '../../src/search/engine';
import { indexDocuments, searchIndexFileSchema, searchShardFileSchema, shardOf } from '../../src/search/search-data';
import { ENGLISH_STOP_WORDS } from '../../src/search/stop-words';
import { searchManifest } from '../search/fixture';

const { posts, site } = searchManifest();

/** The files parsed back as the browser parses them. */
function readBack(files: Map<string, string>) {
  const index = searchIndexFileSchema.parse(JSON.parse(files.get(dataFiles.searchIndex)!));
  const shards = [...files]
    .filter(([file]) => file !== dataFiles.searchIndex)
    .map(([file, text]) => ({ file, data: searchShardFileSchema.parse(JSON.parse(text)) }));
  return { index, shards };
}

describe('searchFiles', () => {
  it('writes the index and shards of a few posts each, all of this version and build', () => {
    const files = searchFiles(posts, site.language, 5);
    const { index, shards } = readBack(files);
    expect([...files.keys()]).toEqual([dataFiles.searchIndex, ...[0, 1, 2, 3].map((shard) => dataFiles.searchShard(shard))]);
    expect(shards.map(({ data }) => data.posts.length)).toEqual([5, 5, 5, 1]);
    expect(index.version).toBe(DATA_VERSION);
    for (const { data } of shards) {
      expect(data.version).toBe(DATA_VERSION);
      expect(data.build).toBe(index.build);
    }
  });

  it('shows each post from its shard exactly as the manifest lists it', () => {
    const { index, shards } = readBack(searchFiles(posts, site.language, 3));
    posts.forEach((post, position) => {
      const { shard, offset } = shardOf(position, index.shardSize);
      const { slug, title, date, tags, tagSlugs, excerpt } = post;
      expect(shards[shard]!.data.posts[offset]).toEqual({ slug, title, date, tags, tagSlugs, excerpt });
    });
  });

  it('keeps the text of titles and excerpts out of the index, only their words', () => {
    const text = searchFiles(posts, site.language).get(dataFiles.searchIndex)!;
    for (const post of posts) {
      expect(text).not.toContain(post.excerpt);
      expect(text).not.toContain(post.title);
    }
    expect(text).toContain('overcommit');
  });

  it('ranks from the index exactly as from the posts’ text: same hits, scores and marked words', () => {
    const { index } = readBack(searchFiles(posts, site.language));
    const fromFile = createIndex(indexDocuments(index), { stopWords: ENGLISH_STOP_WORDS });
    const fromText = createSearchIndex(posts, { stopWords: ENGLISH_STOP_WORDS });
    const words = [...new Set(posts.flatMap((post) => `${post.title} ${post.excerpt} ${post.tags.join(' ')}`.split(/[\s\p{P}]+/u)))].filter(Boolean);
    const query = fc.oneof(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((chosen) => chosen.join(' ')),
      fc.tuple(fc.constantFrom(...words), fc.nat(8)).map(([word, end]) => word.slice(0, end + 1)),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(query, (text) => {
        const expected = searchPosts(fromText, text, 20);
        const actual = searchPosts(fromFile, text, 20);
        expect(actual.total).toBe(expected.total);
        expect(actual.hits.map((hit) => [posts[hit.post]!.slug, hit.score, hit.complete, hit.terms])).toEqual(
          expected.hits.map((hit) => [hit.post.slug, hit.score, hit.complete, hit.terms]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('ranks posts of the same moment as equals and older posts below, as their dates do', () => {
    const dated = ['2024-03-01', '2024-03-01T00:00:00Z', '2024-02-01', '2023-12-31', '2023-12-31'].map((date, i) => ({ ...posts[i]!, date }));
    const { index } = readBack(searchFiles(dated, site.language));
    const times = indexDocuments(index).map((document) => document.time);
    expect(times[0]).toBe(times[1]);
    expect(times[1]).toBeGreaterThan(times[2]!);
    expect(times[2]).toBeGreaterThan(times[3]!);
    expect(times[3]).toBe(times[4]);
  });

  it('gives the same files for the same posts, and a new build name when a post changes', () => {
    const first = searchFiles(posts, site.language);
    expect(searchFiles(posts, site.language)).toEqual(first);
    const edited = searchFiles(
      posts.map((post, i) => (i === 7 ? { ...post, excerpt: `${post.excerpt} Updated.` } : post)),
      site.language,
    );
    expect(readBack(edited).index.build).not.toBe(readBack(first).index.build);
  });

  it('writes an empty index and no shards for a blog without posts', () => {
    const files = searchFiles([], 'en');
    expect([...files.keys()]).toEqual([dataFiles.searchIndex]);
    expect(indexDocuments(readBack(files).index)).toEqual([]);
  });

  it('leaves stop words out only for English blogs', () => {
    const [post] = posts;
    const english = readBack(searchFiles([post!], 'en')).index.fields.title.terms[0];
    const french = readBack(searchFiles([post!], 'fr')).index.fields.title.terms[0];
    expect(post!.title.toLowerCase()).toMatch(/\b(the|to|from)\b/);
    expect(english).not.toMatch(/\b(the|to|from)\b/);
    expect(french).toMatch(/\b(the|to|from)\b/);
  });
});

describe('search file schemas', () => {
  it('reject files from another version of Quire', () => {
    const files = searchFiles(posts, site.language);
    const index = JSON.parse(files.get(dataFiles.searchIndex)!);
    const shard = JSON.parse(files.get(dataFiles.searchShard(0))!);
    const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path[0]);
    expect(issues(searchIndexFileSchema.safeParse({ ...index, version: DATA_VERSION + 1 }))).toEqual(['version']);
    expect(issues(searchShardFileSchema.safeParse({ ...shard, version: DATA_VERSION + 1 }))).toEqual(['version']);
  });

  it('refuse an index whose columns disagree on how many posts there are', () => {
    const index = searchIndexFileSchema.parse(JSON.parse(searchFiles(posts, site.language).get(dataFiles.searchIndex)!));
    expect(() => indexDocuments({ ...index, age: index.age.slice(1) })).toThrow(/different number of posts/);
  });
});

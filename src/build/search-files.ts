import { createHash } from 'node:crypto';
import { dataFiles } from '../content/files.ts';
import { DATA_VERSION, type PostMeta } from '../content/schema.ts';
import { postFields } from '../search/engine.ts';
import type { SearchIndexFile, SearchShardFile } from '../search/search-data.ts';
import { stopWordsFor } from '../search/stop-words.ts';

/**
 * Posts per shard. The search box shows eight results, which at 10,000 posts mostly lie in eight
 * different shards, so a shard is kept to a few kilobytes gzipped; any smaller and the shards
 * of a busy search page would cost more in requests than they save in bytes.
 */
const SHARD_SIZE = 50;

/** Dates as ranks of distinct publication times, each as its difference from the post before. */
function ages(posts: readonly PostMeta[]): number[] {
  const time = (post: PostMeta) => Date.parse(post.date) || 0;
  const times = [...new Set(posts.map(time))].sort((a, b) => b - a);
  const rank = new Map(times.map((value, i) => [value, i]));
  let previous = 0;
  return posts.map((post) => {
    const current = rank.get(time(post))!;
    const age = current - previous;
    previous = current;
    return age;
  });
}

/**
 * The search index and its shards for a blog's posts (newest first, as the manifest lists them),
 * keyed by path under the site root like the other data files. Pure: the same posts give the same
 * files, so an unchanged blog keeps its cached search files across builds.
 */
export function searchFiles(posts: readonly PostMeta[], language: string, shardSize = SHARD_SIZE): Map<string, string> {
  const stopWords = stopWordsFor(language);
  const fields: SearchIndexFile['fields'] = {
    title: { terms: [], padding: [] },
    tags: { terms: [], padding: [] },
    excerpt: { terms: [], padding: [] },
  };
  for (const post of posts) {
    const terms = postFields(post, stopWords);
    for (const name of ['title', 'tags', 'excerpt'] as const) {
      const { terms: words, words: written } = terms[name];
      fields[name].terms.push(words.join(' '));
      fields[name].padding.push(written - new Set(words).size);
    }
  }
  const content = { language, shardSize, fields, age: ages(posts) };
  // Named by its content, so shards and index from different builds never pass for one another.
  const build = createHash('sha256').update(JSON.stringify(content)).update(JSON.stringify(posts)).digest('hex').slice(0, 12);
  const files = new Map<string, string>();
  files.set(dataFiles.searchIndex, JSON.stringify({ version: DATA_VERSION, build, ...content } satisfies SearchIndexFile));
  for (let shard = 0; shard * shardSize < posts.length; shard += 1) {
    const shown = posts
      .slice(shard * shardSize, (shard + 1) * shardSize)
      .map(({ slug, title, date, tags, tagSlugs, excerpt }) => ({ slug, title, date, tags, tagSlugs, excerpt }));
    files.set(dataFiles.searchShard(shard), JSON.stringify({ version: DATA_VERSION, build, shard, posts: shown } satisfies SearchShardFile));
  }
  return files;
}

/**
 * The search files the build writes and the search worker reads: one index holding what it takes
 * to match and rank every post (its words, already folded, and how new it is), and shards holding
 * what a result shows (slug, title, date, tags, excerpt), fetched only for the results shown.
 * Splitting them keeps the first query's download small: the words of an excerpt compress to far
 * less than the text around them, and a result list needs the text of a handful of posts.
 */
import * as z from 'zod/mini';
import { DATA_VERSION } from '../content/schema.ts';
import type { IndexDocument, PostFields } from './engine.ts';

// The same check as the other data files' (schema.ts keeps its helper to itself), so a file from
// another version of Quire fails with the message that asks for a reload.
const versioned = <T extends Record<string, z.core.SomeType>>(shape: T) =>
  z.object({ version: z.literal(DATA_VERSION, { error: 'this site was built by a different version of Quire' }), ...shape });

const count = z.int().check(z.minimum(0));

/**
 * One field of every post, in index order: its terms joined by single spaces, and how many more
 * distinct words it had as written than distinct terms (the stop words and case variants the
 * terms leave out), which the scoring needs to weigh a match in a long field below one in a short.
 */
const fieldColumnSchema = z.object({ terms: z.array(z.string()), padding: z.array(count) });

/** `data/search/index.json`: what search matches and ranks on, for every published post. */
export const searchIndexFileSchema = versioned({
  /** Names this build's search files; every shard carries the same, so a shard from a later deploy is caught. */
  build: z.string(),
  /** The site's language, which picks the stop words left out of the terms and of queries. */
  language: z.string(),
  /** Posts per shard: post `i` (in index order, newest first) is in shard `floor(i / shardSize)`. */
  shardSize: z.int().check(z.minimum(1)),
  fields: z.object({ title: fieldColumnSchema, tags: fieldColumnSchema, excerpt: fieldColumnSchema }),
  /**
   * How much older each post is than the one before it, in ranks of distinct publication times:
   * 0 for the same moment, 1 for the next older one. Search only compares times (a tie goes to
   * the newer post; recent posts are the newest), so ranks rank exactly as dates do and compress
   * to almost nothing.
   */
  age: z.array(z.int()),
});
export type SearchIndexFile = z.infer<typeof searchIndexFileSchema>;

const shownPostSchema = z.object({
  slug: z.string(),
  title: z.string(),
  date: z.string(),
  tags: z.array(z.string()),
  tagSlugs: z._default(z.array(z.string()), []),
  excerpt: z.string(),
});

/** `data/search/posts/N.json`: what the results show of the posts in shard `N`, in index order. */
export const searchShardFileSchema = versioned({
  build: z.string(),
  shard: count,
  posts: z.array(shownPostSchema),
});
export type SearchShardFile = z.infer<typeof searchShardFileSchema>;

const FIELD_NAMES = ['title', 'tags', 'excerpt'] as const;

const split = (terms: string) => (terms === '' ? [] : terms.split(' '));

/**
 * The index file's posts as documents for `createIndex`, each standing for its position in the
 * index, which is what the shards are looked up by. Throws when the columns disagree in length.
 */
export function indexDocuments(file: SearchIndexFile): IndexDocument<number>[] {
  const size = file.age.length;
  for (const name of FIELD_NAMES) {
    const { terms, padding } = file.fields[name];
    if (terms.length !== size || padding.length !== size) throw new Error(`search index: the ${name} column lists a different number of posts`);
  }
  const documents: IndexDocument<number>[] = [];
  let rank = 0;
  for (let i = 0; i < size; i += 1) {
    rank += file.age[i]!;
    const fields = {} as PostFields;
    for (const name of FIELD_NAMES) {
      const terms = split(file.fields[name].terms[i]!);
      fields[name] = { terms, words: new Set(terms).size + file.fields[name].padding[i]! };
    }
    documents.push({ post: i, time: -rank, fields });
  }
  return documents;
}

/** Which shard holds the post at `position`, and where in it. */
export function shardOf(position: number, shardSize: number): { shard: number; offset: number } {
  return { shard: Math.floor(position / shardSize), offset: position % shardSize };
}

/** How many posts shard `shard` holds when the index has `size` posts. */
export function shardLength(shard: number, shardSize: number, size: number): number {
  return Math.max(0, Math.min(shardSize, size - shard * shardSize));
}

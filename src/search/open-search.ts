/**
 * Loads the search index and answers searches, fetching the shards that hold what the results
 * show. Shared by the worker and the in-thread client, so both search exactly the same way. Only
 * they import it: the engine and MiniSearch never load with the page itself.
 */
import { DataError, fetchData } from '../content/fetch-data.ts';
import { dataFiles } from '../content/files.ts';
import { createIndex, recentPosts, type SearchIndex, type SearchPost, searchPosts } from './engine.ts';
import type { SearchView } from './search-client.ts';
import { indexDocuments, type SearchIndexFile, searchIndexFileSchema, searchShardFileSchema, shardLength, shardOf } from './search-data.ts';
import { stopWordsFor } from './stop-words.ts';

/**
 * How many recent posts a search that matches nothing offers instead.
 * @public scripts/bench-search.mjs reads it through tsImport, which knip does not follow.
 */
export const RECENT_COUNT = 5;

/** Answers one search with what its results show; rejects with a DataError when a shard cannot be had. */
export type Search = (query: string, limit: number) => Promise<SearchView>;

/**
 * Runs a few searches before the first real one. The first run of each code path is interpreted
 * and then compiled; at 10,000 posts that made the reader's first keystrokes several times
 * slower than the rest (see `npm run bench:search`). A few milliseconds here, once, avoid it.
 */
function warmUp(index: SearchIndex<number>, file: SearchIndexFile) {
  const word = file.fields.title.terms[0]?.split(' ').find((candidate) => candidate.length >= 4) ?? 'search';
  const swapped = `${word[1]}${word[0]}${word.slice(2)}`;
  for (const query of [word.slice(0, 1), word.slice(0, 3), word, swapped, `${word} ${word.slice(0, 3)}`]) searchPosts(index, query, 8);
  recentPosts(index, RECENT_COUNT);
}

/**
 * Fetches shards on demand and keeps them for the visit. A failed fetch is forgotten, so the
 * next search (or the reader's retry) asks again.
 */
function shardLoader(file: SearchIndexFile, size: number) {
  const shards = new Map<number, Promise<SearchPost[]>>();
  const load = async (shard: number): Promise<SearchPost[]> => {
    const path = dataFiles.searchShard(shard);
    const data = await fetchData(path, searchShardFileSchema);
    // Index and shard from different deploys would show one post's text under another's title.
    if (data.build !== file.build) throw new DataError('version', 'This site was updated since the page loaded. Reload the page to get the new version.');
    if (data.shard !== shard || data.posts.length !== shardLength(shard, file.shardSize, size)) {
      throw new DataError('invalid', `The data for ${path} is damaged or incomplete. Try again in a moment.`);
    }
    return data.posts;
  };
  const get = (shard: number) => {
    let pending = shards.get(shard);
    if (!pending) {
      pending = load(shard);
      shards.set(shard, pending);
      pending.catch(() => shards.delete(shard));
    }
    return pending;
  };
  /** What the results show of the posts at these positions, fetching the shards they lie in at once. */
  return async (positions: readonly number[]): Promise<SearchPost[]> => {
    const wanted = [...new Set(positions.map((position) => shardOf(position, file.shardSize).shard))];
    const loaded = new Map(await Promise.all(wanted.map(async (shard) => [shard, await get(shard)] as const)));
    return positions.map((position) => {
      const { shard, offset } = shardOf(position, file.shardSize);
      return loaded.get(shard)![offset]!;
    });
  };
}

/** Fetches `data/search/index.json`, indexes it and returns the search function over it. */
export async function openSearch(signal?: AbortSignal): Promise<Search> {
  const file = await fetchData(dataFiles.searchIndex, searchIndexFileSchema, signal);
  let documents;
  try {
    documents = indexDocuments(file);
  } catch {
    throw new DataError('invalid', `The data for ${dataFiles.searchIndex} is damaged or incomplete. Try again in a moment.`);
  }
  const index = createIndex(documents, { stopWords: stopWordsFor(file.language) });
  warmUp(index, file);
  const show = shardLoader(file, documents.length);
  return async (query, limit) => {
    const { hits, total } = searchPosts(index, query, limit);
    const recent = total === 0 ? recentPosts(index, RECENT_COUNT) : [];
    const posts = await show([...hits.map((hit) => hit.post), ...recent]);
    return { hits: hits.map((hit, i) => ({ ...hit, post: posts[i]! })), total, recent: posts.slice(hits.length) };
  };
}

/**
 * Loads the manifest and builds the index. Shared by the worker and the in-thread client, so both
 * search exactly the same way. Only they import it: the engine and MiniSearch never load with
 * the page itself.
 */
import { fetchData } from '../content/fetch-data.ts';
import { dataFiles } from '../content/files.ts';
import { manifestSchema } from '../content/schema.ts';
import { createSearchIndex, recentPosts, type SearchIndex, type SearchPost, searchPosts } from './engine.ts';
import type { SearchView } from './search-client.ts';
import { stopWordsFor } from './stop-words.ts';

/** Posts trimmed to what search shows, so each message to the page copies as little as possible. */
function slim(post: SearchPost): SearchPost {
  return { slug: post.slug, title: post.title, date: post.date, excerpt: post.excerpt, tags: post.tags };
}

/** How many recent posts a search that matches nothing offers instead. */
export const RECENT_COUNT = 5;

/**
 * Runs a few searches before the first real one. The first run of each code path is interpreted
 * and then compiled; at 10,000 posts that made the reader's first keystrokes several times
 * slower than the rest (see `npm run bench:search`). A few milliseconds here, once, avoid it.
 */
function warmUp(index: SearchIndex) {
  const word = index.entries[0]?.post.title.split(/\s+/).find((candidate) => candidate.length >= 4) ?? 'search';
  const swapped = `${word[1]}${word[0]}${word.slice(2)}`;
  for (const query of [word.slice(0, 1), word.slice(0, 3), word, swapped, `${word} ${word.slice(0, 3)}`]) searchPosts(index, query, 8);
  recentPosts(index, RECENT_COUNT);
}

/** Fetches `posts.json`, indexes it and returns the search function over it. */
export async function openSearch(signal?: AbortSignal): Promise<(query: string, limit: number) => SearchView> {
  const manifest = await fetchData(dataFiles.manifest, manifestSchema, signal);
  const index = createSearchIndex(manifest.posts.map(slim), { stopWords: stopWordsFor(manifest.site.language) });
  warmUp(index);
  return (query, limit) => {
    const { hits, total } = searchPosts(index, query, limit);
    return { hits, total, recent: total === 0 ? recentPosts(index, RECENT_COUNT) : [] };
  };
}

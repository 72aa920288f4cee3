/**
 * The app's handle on the search engine. The index of a 10,000-post blog takes a good part of a
 * second to build and holds tens of megabytes, so in the browser it lives in a Web Worker and the
 * page only ever waits for messages; where there is no Worker (tests, the server) it runs in-thread.
 */
import { DataError, type DataErrorKind } from '../content/fetch-data.ts';
import type { SearchHit, SearchPost } from './engine.ts';

/** What one search shows: the best hits, how many matched, and recent posts when none did. */
export interface SearchView {
  hits: SearchHit[];
  total: number;
  /** The newest posts, offered in place of an empty list; empty when something matched. */
  recent: SearchPost[];
}

export interface SearchClient {
  /**
   * Searches the index; `limit` caps the hits returned, not the total counted. Rejects, with a
   * DataError, when what the results show could not be loaded; the next search tries again.
   */
  search(query: string, limit: number): Promise<SearchView>;
  /** Stops the worker, if any; the client answers no more searches. */
  dispose(): void;
}

/** Messages from the page to the worker. */
export type WorkerRequest = { type: 'search'; id: number; query: string; limit: number };
/** Messages from the worker to the page. */
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'failed'; message: string; kind?: DataErrorKind }
  | { type: 'result'; id: number; view: SearchView }
  | { type: 'search-failed'; id: number; message: string; kind?: DataErrorKind };

/** An error from the worker, rebuilt as the DataError it was so error pages treat it like any failed data file. */
const rebuilt = (message: string, kind?: DataErrorKind) => (kind ? new DataError(kind, message) : new Error(message));

/** Runs search on the calling thread: for tests and for environments without workers. */
export async function createLocalClient(): Promise<SearchClient> {
  const { openSearch } = await import('./open-search.ts');
  const search = await openSearch();
  return { search, dispose: () => {} };
}

/** Starts the search worker and resolves once its index is built. */
export function createWorkerClient(): Promise<SearchClient> {
  // Vite bundles the worker (MiniSearch, the engine, the schema) into its own file from this URL.
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'quire-search' });
  const pending = new Map<number, { resolve: (view: SearchView) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  return new Promise<SearchClient>((resolve, reject) => {
    worker.addEventListener('error', (event) => {
      const error = new Error(`Search could not start: ${event.message || 'the search worker failed to load'}. Reload the page to try again.`);
      fail(error);
      reject(error);
    });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') {
        resolve({
          search(query, limit) {
            if (failure) return Promise.reject(failure);
            const id = (nextId += 1);
            return new Promise((resolveSearch, rejectSearch) => {
              pending.set(id, { resolve: resolveSearch, reject: rejectSearch });
              worker.postMessage({ type: 'search', id, query, limit } satisfies WorkerRequest);
            });
          },
          dispose() {
            worker.terminate();
            fail(new Error('Search was closed.'));
          },
        });
      } else if (message.type === 'failed') {
        worker.terminate();
        const error = rebuilt(message.message, message.kind);
        fail(error);
        reject(error);
      } else if (message.type === 'search-failed') {
        // Only this search failed: the index stays, and the next search fetches the shard again.
        pending.get(message.id)?.reject(rebuilt(message.message, message.kind));
        pending.delete(message.id);
      } else {
        pending.get(message.id)?.resolve(message.view);
        pending.delete(message.id);
      }
    });
  });
}

/** A worker where the platform has them, else the in-thread engine. */
export function loadSearchClient(): Promise<SearchClient> {
  return typeof Worker === 'function' ? createWorkerClient() : createLocalClient();
}

/**
 * The search worker: fetches and validates the manifest, builds the index, then answers one
 * search per message. Parsing, indexing and scoring all happen here, so typing never waits on them.
 */
import { DataError } from '../content/fetch-data.ts';
import { openSearch } from './open-search.ts';
import type { WorkerRequest, WorkerResponse } from './search-client.ts';

// Typed by hand: the WebWorker lib clashes with the DOM lib the rest of the app compiles with.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

openSearch().then(
  (search) => {
    scope.addEventListener('message', (event) => {
      const { id, query, limit } = event.data;
      scope.postMessage({ type: 'result', id, view: search(query, limit) });
    });
    scope.postMessage({ type: 'ready' });
  },
  (error: unknown) => {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : 'Search could not load the posts.',
      kind: error instanceof DataError ? error.kind : undefined,
    });
  },
);

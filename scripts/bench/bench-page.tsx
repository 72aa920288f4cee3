// The page scripts/bench-search.mjs drives in Chromium: the app's real search code (client, worker,
// engine, SearchBox), bundled by Vite as the app would be, with hooks for the benchmark to time it.
import { QueryClientProvider } from '@tanstack/react-query';
import MiniSearch from 'minisearch';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { createQueryClient } from '../../src/app/query-client';
import { createIndex } from '../../src/search/engine';
import { BOX_LIMIT, searchIndexQuery } from '../../src/search/queries';
import { SearchBox } from '../../src/search/search-box';
import { countResults } from '../../src/search/search-result';
import { type SearchClient, createLocalClient, createWorkerClient } from '../../src/search/search-client';
import { indexDocuments, searchIndexFileSchema } from '../../src/search/search-data';
import { ENGLISH_STOP_WORDS } from '../../src/search/stop-words';

/** Main-thread tasks over 50 ms while `work` runs: what would make typing stutter. */
async function withLongTasks<T>(work: () => Promise<T>) {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  // Long tasks are reported after they end; give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { value, ms, longestTask: Math.max(0, ...tasks) };
}

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** One macrotask turn, behind anything React or React Query has already scheduled. */
const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

async function gzipBytes(text: string) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

let client: SearchClient | undefined;

const bench = {
  /** Time until the first query can run, with the index built in the worker. */
  async loadWorker() {
    const { value, ms, longestTask } = await withLongTasks(createWorkerClient);
    client = value;
    return { ms, longestTask };
  },

  /** The same, built on the page's own thread, to show what the worker saves. */
  async loadInThread() {
    const { value, ms, longestTask } = await withLongTasks(createLocalClient);
    client = value;
    return { ms, longestTask };
  },

  /** Where the time to the first query goes, step by step, on the page's thread. */
  async breakdown() {
    const marks: Record<string, number> = {};
    let start = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      marks[name] = now - start;
      start = now;
    };
    const text = await (await fetch('/data/search/index.json')).text();
    lap('fetch');
    const raw: unknown = JSON.parse(text);
    lap('parse');
    const file = searchIndexFileSchema.parse(raw);
    lap('validate');
    createIndex(indexDocuments(file), { stopWords: ENGLISH_STOP_WORDS });
    lap('index');
    return marks;
  },

  /** The alternative of serialising MiniSearch's index at build time: its size and the cost of loading it. */
  async prebuilt() {
    const file = searchIndexFileSchema.parse(await (await fetch('/data/search/index.json')).json());
    const json = JSON.stringify(createIndex(indexDocuments(file), { stopWords: ENGLISH_STOP_WORDS }).miniSearch);
    const start = performance.now();
    MiniSearch.loadJSON(json, { fields: ['title', 'tags', 'excerpt'], idField: 'id' });
    return { ms: performance.now() - start, bytes: json.length, gzip: await gzipBytes(json) };
  },

  /** Round trip of each query to the engine and back, without rendering. */
  async roundTrips(queries: string[]) {
    const times: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      await client!.search(query, BOX_LIMIT);
      times.push(performance.now() - start);
    }
    return times;
  },

  /**
   * Keystroke to results in the page in the real SearchBox: each value is typed as one input
   * event, timed until the box has rendered its results (the browser paints them at its next
   * frame). Cached results are dropped first, so every keystroke searches.
   */
  async keystrokes(values: string[]) {
    const queryClient = createQueryClient();
    // No site settings are served: the box then formats dates in English, as it would while they load.
    queryClient.setQueryData(searchIndexQuery().queryKey, client);
    const router = createMemoryRouter([{ path: '*', element: <SearchBox inputRef={{ current: null }} /> }]);
    const root = createRoot(document.getElementById('root')!);
    root.render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await afterPaint();
    const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const status = document.querySelector('.search-box [role="status"]')!;
    input.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.bind(input);
    const times: number[] = [];
    for (const value of values) {
      queryClient.removeQueries({ queryKey: ['quire', 'search', 'results'] });
      const key = ['quire', 'search', 'results', value, BOX_LIMIT];
      const start = performance.now();
      const done = new Promise<void>((resolve) => {
        const check = () => {
          const state = queryClient.getQueryState(key);
          if (state?.status === 'success' || value.trim() === '') {
            unsubscribe();
            resolve();
          }
        };
        const unsubscribe = queryClient.getQueryCache().subscribe(check);
        queueMicrotask(check);
      });
      setValue(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      // The results are on screen once the live region announces their count.
      const view = queryClient.getQueryData<{ total: number }>(key);
      const expected = !view ? '' : view.total === 0 ? 'No results' : countResults(view.total);
      for (let turns = 0; !status.textContent.startsWith(expected) && turns < 1000; turns += 1) await tick();
      times.push(performance.now() - start);
    }
    root.unmount();
    return times;
  },
};

Object.assign(window, { bench });
document.title = 'ready';

// What a reader's browser downloads: each page is loaded in a fresh Chromium context (empty
// cache) and every response is recorded, including the lazy chunks and data the app imports
// while it starts, which reading the HTML alone would miss. Sizes are gzip -9 of each body, so
// they do not depend on how this benchmark's server compresses.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.ts';
import { KINDS, kindOf, type Kind } from './parse.ts';

const PAGE_TIMEOUT = 60_000;

interface Fetched {
  url: string;
  kind: Kind;
  gzipBytes: number;
  /** Fetched by `<link rel="prefetch">` when the browser was idle, for a later navigation: not run, not first-load. */
  prefetch: boolean;
}

export interface PageBytes {
  byKind: Record<Kind, number>;
  total: number;
  requests: number;
  /** What the page prefetched at idle for the next navigation, apart from the first load. */
  prefetchBytes: number;
  files: Fetched[];
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: PAGE_TIMEOUT });
}

/** Records every response of a context, on the page and in its workers, from the moment it is called. */
function record(context: BrowserContext): { settled: () => Promise<Fetched[]> } {
  const pending: Array<Promise<Fetched | undefined>> = [];
  const onResponse = (response: Response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300 && response.status() < 400) return undefined;
        const body = await response.body().catch(() => undefined);
        if (!body) return undefined;
        const url = response.url();
        const headers = await response.request().allHeaders();
        const prefetch = /prefetch/i.test(headers['sec-purpose'] ?? headers.purpose ?? '');
        return { url, kind: kindOf(url, response.headers()['content-type']), gzipBytes: gzipSync(body, { level: 9 }).length, prefetch };
      })(),
    );
  };
  context.on('response', onResponse);
  return {
    settled: async () => {
      context.off('response', onResponse);
      return (await Promise.all(pending)).filter((file): file is Fetched => file !== undefined);
    },
  };
}

function summarise(all: Fetched[]): PageBytes {
  const files = all.filter((file) => !file.prefetch);
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  for (const file of files) byKind[file.kind] += file.gzipBytes;
  const prefetchBytes = all.filter((file) => file.prefetch).reduce((sum, file) => sum + file.gzipBytes, 0);
  return { byKind, total: files.reduce((sum, file) => sum + file.gzipBytes, 0), requests: files.length, prefetchBytes, files };
}

export async function firstLoad(browser: Browser, url: string): Promise<PageBytes> {
  const context = await browser.newContext();
  try {
    const recorder = record(context);
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`bench: ${url} answered ${response?.status() ?? 'nothing'}`);
    return summarise(await recorder.settled());
  } finally {
    await context.close();
  }
}

export interface SearchFigures extends PageBytes {
  /** From focusing the field to the first result on screen, typing included. */
  firstResultMs: number;
  query: string;
}

/** Focuses the header's search field on a loaded home page, types a query and waits for results. */
export async function searchOnce(browser: Browser, homeUrl: string, query = 'memory'): Promise<SearchFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    await page.goto(homeUrl, { waitUntil: 'networkidle' });
    const field = page.getByRole('combobox').first();
    const recorder = record(context);
    const started = performance.now();
    await field.focus();
    await field.pressSequentially(query);
    await page.getByRole('option').first().waitFor({ state: 'visible' });
    const firstResultMs = performance.now() - started;
    // The index may still be fetching chunks or data the first result did not wait for.
    await page.waitForLoadState('networkidle');
    return { ...summarise(await recorder.settled()), firstResultMs, query };
  } finally {
    await context.close();
  }
}

/** The first post the home page links to: what a reader most likely opens next. */
export async function firstPostPath(browser: Browser, homeUrl: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(homeUrl, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT });
    const href = await page.locator('main a[href*="/posts/"]').first().getAttribute('href', { timeout: PAGE_TIMEOUT });
    if (!href) throw new Error('bench: the home page links to no post');
    return new URL(href, homeUrl).pathname;
  } finally {
    await context.close();
  }
}

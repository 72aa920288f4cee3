// Renders routes of the built site to HTML files with the server bundle. Used by build.ts on the
// main thread and in worker threads, which split the routes between the machine's cores.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleStore } from '../src/components/article/article-html.ts';
import { articleFiles } from '../src/content/files.ts';
import type * as ServerEntry from '../src/entry-server.tsx';
import type { RenderedPage } from '../src/prerender/render-page.tsx';
import { needsArticleCode } from '../src/markdown/styled-features.ts';
import { PageCache } from './page-cache.ts';
import type { PageTemplate } from './page-template.ts';

export type ServerModule = typeof ServerEntry;

export interface PrerenderOptions {
  /** Folder of the server bundle. */
  serverDir: string;
  /** The output folder being built. */
  staging: string;
  /** The site's base path. */
  base: string;
  /**
   * The page templates (page-template.ts), made once from the built index.html before any page
   * is written: the home page is written over index.html, so a worker that read it later would
   * take a page for the template.
   */
  templates: Pick<PageTemplate, 'html' | 'withArticleCode'>;
  /** The pre-rendered pages' cache and the renderer version it is keyed on; none, no cache. */
  cache?: { dir: string; version: string };
}

export interface PrerenderContext extends PrerenderOptions {
  server: ServerModule;
  articles: ArticleStore;
  page: (rendered: RenderedPage) => string;
  /** Files under the output folder read since the list was last emptied: what a page depends on. */
  reads: string[];
  pages?: PageCache;
}

/** Loads the server bundle and points `fetch` at the data files in `staging`. */
export async function setUp(options: PrerenderOptions): Promise<PrerenderContext> {
  const { serverDir, staging, base, templates } = options;
  const reads: string[] = [];
  const server = (await import(pathToFileURL(path.join(serverDir, 'entry-server.js')).href)) as ServerModule;
  // The app fetches its data as in the browser; here the answers come from the files just built.
  // Synchronous reads and writes: the files are small, and a thread of its own renders each share
  // of the pages, so waiting on the thread pool for every one only adds latency.
  const answer = (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : input;
    const pathname = decodeURIComponent(new URL(url, 'http://quire.local').pathname);
    const file = path.join(staging, pathname.slice(base.length));
    if (!pathname.startsWith(base) || !file.startsWith(staging + path.sep)) return new Response('Not found', { status: 404 });
    reads.push(path.relative(staging, file));
    if (!existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(readFileSync(file), { headers: { 'content-type': 'application/json' } });
  };
  globalThis.fetch = (input: string | URL | Request) => Promise.resolve(answer(input));
  const articles: ArticleStore = {
    get(key) {
      const file = path.join(staging, articleFiles.page(key));
      reads.push(articleFiles.page(key));
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
  const { site } = JSON.parse(readFileSync(path.join(staging, 'data/site.json'), 'utf8')) as { site: { language: string } };
  const lang = site.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  const page = ({ head, styles, features, app, state }: RenderedPage) =>
    (needsArticleCode(features) ? templates.withArticleCode : templates.html)
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace('<!--quire-head-->', () => head)
      .replace('</head>', () => `${styles}</head>`)
      .replace('<!--quire-app-->', () => app)
      .replace('<!--quire-data-->', () => `<script type="application/json" id="quire-state">${state}</script>`);
  const pages = options.cache && new PageCache(options.cache.dir, options.cache.version, staging);
  return { ...options, server, articles, page, reads, ...(pages ? { pages } : {}) };
}

/** Where a route's HTML goes: `/posts/x/` -> `posts/x/index.html`, so any static host serves it. */
function htmlFile(staging: string, route: string): string {
  const relative = decodeURI(route).replace(/^\/+|\/+$/g, '');
  const file = path.join(staging, relative, 'index.html');
  if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write ${route} outside the output folder`);
  return file;
}

/** Renders each route to its index.html; every route must answer 200. */
export async function renderRoutes(context: PrerenderContext, routes: string[]): Promise<void> {
  const { server, base, page, staging, articles, reads, pages } = context;
  const made = new Set<string>();
  for (const route of routes) {
    let html = pages?.get(route);
    if (html === undefined) {
      reads.length = 0;
      const rendered = await server.renderPage(`${base}${route.replace(/^\//, '')}`, base, articles);
      if (rendered.status !== 200) throw new Error(`Pre-rendering ${route} answered ${rendered.status}`);
      html = page(rendered);
      pages?.set(route, reads, html);
    }
    const file = htmlFile(staging, route);
    const dir = path.dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(file, html);
  }
}

/** Renders the routes across `threads` worker threads; resolves when all are written. */
export function renderInWorkers(options: PrerenderOptions, routes: string[], threads: number): Promise<unknown[]> {
  const share = Math.ceil(routes.length / threads);
  const jobs = Array.from({ length: threads }, (_, index) => routes.slice(index * share, (index + 1) * share)).filter((part) => part.length > 0);
  return Promise.all(
    jobs.map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL('./prerender-worker.mjs', import.meta.url), { workerData: { ...options, routes: part } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`A pre-render worker exited with ${code}`))));
        }),
    ),
  );
}

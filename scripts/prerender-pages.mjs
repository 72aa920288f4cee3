// Renders routes of the built site to HTML files with the server bundle. Used by build.mjs on the
// main thread and in worker threads, which split the routes between the machine's cores.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Loads the server bundle and points `fetch` at the data files in `staging`. */
export async function setUp({ serverDir, staging }) {
  const server = await import(pathToFileURL(path.join(serverDir, 'entry-server.js')).href);
  const template = readFileSync(path.join(staging, 'index.html'), 'utf8');
  const base = template.match(/src="([^"]*)assets\//)?.[1] ?? '/';
  // The app fetches its data as in the browser; here the answers come from the files just built.
  globalThis.fetch = async (input) => {
    const pathname = decodeURIComponent(new URL(String(input), 'http://quire.local').pathname);
    const file = path.join(staging, pathname.slice(base.length));
    if (!pathname.startsWith(base) || !file.startsWith(staging + path.sep) || !existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } });
  };
  const { site } = JSON.parse(readFileSync(path.join(staging, 'data/site.json'), 'utf8'));
  const lang = site.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  const page = ({ head, app, state }) =>
    template
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace('<!--quire-head-->', () => head)
      .replace('<!--quire-app-->', () => app)
      .replace('<!--quire-data-->', () => `<script type="application/json" id="quire-state">${state}</script>`);
  return { server, base, page, staging };
}

/** Where a route's HTML goes: `/posts/x/` -> `posts/x/index.html`, so any static host serves it. */
function htmlFile(staging, route) {
  const relative = decodeURI(route).replace(/^\/+|\/+$/g, '');
  const file = path.join(staging, relative, 'index.html');
  if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write ${route} outside the output folder`);
  return file;
}

/** Renders each route to its index.html; every route must answer 200. */
export async function renderRoutes({ server, base, page, staging }, routes) {
  for (const route of routes) {
    const rendered = await server.renderPage(`${base}${route.replace(/^\//, '')}`, base);
    if (rendered.status !== 200) throw new Error(`Pre-rendering ${route} answered ${rendered.status}`);
    const file = htmlFile(staging, route);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page(rendered));
  }
}

/** Renders the routes across `threads` worker threads; resolves when all are written. */
export function renderInWorkers(options, routes, threads) {
  const share = Math.ceil(routes.length / threads);
  const jobs = Array.from({ length: threads }, (_, index) => routes.slice(index * share, (index + 1) * share)).filter((part) => part.length > 0);
  return Promise.all(
    jobs.map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { ...options, routes: part } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A pre-render worker exited with ${code}`))));
        }),
    ),
  );
}

if (!isMainThread && workerData?.routes) {
  const context = await setUp(workerData);
  await renderRoutes(context, workerData.routes);
  parentPort.postMessage('done');
}

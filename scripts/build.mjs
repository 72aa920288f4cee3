// `npm run build`: the client bundle and data files, then every route pre-rendered to HTML with
// the server bundle, then feeds and sitemap. All of it goes into a fresh folder that replaces
// dist/ only when every step succeeded, so a failed build never leaves a half-written dist/.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = process.cwd();
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
await mkdir(path.dirname(dist), { recursive: true });
const staging = await mkdtemp(path.join(path.dirname(dist), '.dist-'));
// The server bundle imports packages from node_modules, so it must live inside the project.
const serverDir = await mkdtemp(path.join(root, '.server-'));
const quiet = process.env.CI || process.env.QUIRE_QUIET;
const started = performance.now();

/** Where a route's HTML goes: `/posts/x/` -> `posts/x/index.html`, so any static host serves it. */
function htmlFile(route) {
  const relative = decodeURI(route).replace(/^\/+|\/+$/g, '');
  const file = path.join(staging, relative, 'index.html');
  if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write ${route} outside the output folder`);
  return file;
}

async function prerender() {
  const server = await import(pathToFileURL(path.join(serverDir, 'entry-server.js')).href);
  const template = await readFile(path.join(staging, 'index.html'), 'utf8');
  const base = template.match(/src="([^"]*)assets\//)?.[1] ?? '/';
  const read = (file) => readFileSync(path.join(staging, file), 'utf8');
  // The app fetches its data as in the browser; here the answers come from the files just built.
  globalThis.fetch = async (input) => {
    const pathname = decodeURIComponent(new URL(String(input), 'http://quire.local').pathname);
    const file = path.join(staging, pathname.slice(base.length));
    if (!pathname.startsWith(base) || !file.startsWith(staging + path.sep) || !existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } });
  };

  const json = (file) => JSON.parse(readFileSync(path.join(staging, file), 'utf8'));
  const manifest = json('posts.json');
  const shape = { manifest, pageCount: json('data/pages/1.json').pageCount, tags: json('data/tags.json').tags, about: json('data/site.json').about };
  const lang = manifest.site.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  const page = ({ head, app, state }) =>
    template
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace('<!--quire-head-->', () => head)
      .replace('<!--quire-app-->', () => app)
      .replace('<!--quire-data-->', () => `<script type="application/json" id="quire-state">${state}</script>`);

  const routes = server.siteRoutes(shape);
  for (const { path: route } of routes) {
    const rendered = await server.renderPage(`${base}${route.replace(/^\//, '')}`, base);
    if (rendered.status !== 200) throw new Error(`Pre-rendering ${route} answered ${rendered.status}`);
    const file = htmlFile(route);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page(rendered));
  }
  const missing = await server.renderPage(`${base}__quire-not-found__/`, base);
  await writeFile(path.join(staging, '404.html'), page(missing));

  const extras = new Map([...server.writeFeeds(read, base), ...server.writeSitemap(shape, base), ...server.writeHeaders(base)]);
  for (const [file, text] of extras) await writeFile(path.join(staging, file), text);
  if (!manifest.site.url) {
    console.warn('Note: content/site.yaml has no `url`, so the feeds, sitemap and canonical links use relative URLs or are left out.');
  }
  return routes.length;
}

const phases = [];
const timed = async (name, step) => {
  const start = performance.now();
  const result = await step();
  phases.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
};

try {
  const logLevel = quiet ? 'warn' : 'info';
  await timed('client and data', () => build({ root, logLevel, build: { outDir: staging, emptyOutDir: true, reportCompressedSize: !quiet } }));
  await timed('server bundle', () =>
    build({ root, logLevel, build: { ssr: 'src/entry-server.tsx', outDir: serverDir, emptyOutDir: true, copyPublicDir: false } }),
  );
  const pages = await timed('pre-render', prerender);
  const previous = existsSync(dist) ? `${dist}.old-${process.pid}` : undefined;
  if (previous) await rename(dist, previous);
  await rename(staging, dist);
  if (previous) await rm(previous, { recursive: true, force: true });
  console.log(`Built ${pages} pages into ${path.relative(root, dist) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')})`);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  // Vite already printed its own errors; content errors list every problem as file:line:column.
  if (error && !String(error.message ?? '').includes('[quire]')) console.error(error.stack ?? error);
  console.error(`\nBuild failed; ${path.relative(root, dist) || dist}/ was left as it was.`);
  process.exitCode = 1;
} finally {
  await rm(serverDir, { recursive: true, force: true });
}

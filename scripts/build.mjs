// `npm run build`: the client bundle and data files, then every route pre-rendered to HTML with
// the server bundle, then feeds and sitemap. All of it goes into a fresh folder that replaces
// dist/ only when every step succeeded, so a failed build never leaves a half-written dist/.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { renderInWorkers, renderRoutes, setUp } from './prerender-pages.mjs';

const root = process.cwd();
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
await mkdir(path.dirname(dist), { recursive: true });
const staging = await mkdtemp(path.join(path.dirname(dist), '.dist-'));
// The server bundle imports packages from node_modules, so it must live inside the project.
const serverDir = await mkdtemp(path.join(root, '.server-'));
const quiet = process.env.CI || process.env.QUIRE_QUIET;
const started = performance.now();

/** Routes per worker below which threads cost more than they save. */
const ROUTES_PER_THREAD = 200;

async function prerender() {
  const context = await setUp({ serverDir, staging });
  const { server, base, page } = context;
  const json = (file) => JSON.parse(readFileSync(path.join(staging, file), 'utf8'));
  const manifest = json('posts.json');
  const shape = { manifest, pageCount: json('data/pages/1.json').pageCount, tags: json('data/tags.json').tags, about: json('data/site.json').about };

  const routes = server.siteRoutes(shape).map((route) => route.path);
  const threads = Math.min(availableParallelism(), Math.ceil(routes.length / ROUTES_PER_THREAD));
  if (threads > 1) await renderInWorkers({ serverDir, staging }, routes, threads);
  else await renderRoutes(context, routes);
  const missing = await server.renderPage(`${base}__quire-not-found__/`, base);
  await writeFile(path.join(staging, '404.html'), page(missing));

  const read = (file) => readFileSync(path.join(staging, file), 'utf8');
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
    build({
      root,
      logLevel,
      build: {
        ssr: 'src/entry-server.tsx',
        outDir: serverDir,
        emptyOutDir: true,
        copyPublicDir: false,
        // The server imports the chart directly on purpose (renderToString cannot wait for lazy code).
        rollupOptions: { onLog: (level, log, handler) => log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && handler(level, log) },
      },
    }),
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

// `npm run build`: the client bundle and data files, then every route pre-rendered to HTML with
// the server bundle, then feeds and sitemap. All of it goes into a fresh folder that replaces
// dist/ only when every step succeeded, so a failed build never leaves a half-written dist/.
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest as ViteManifest } from 'vite';
import { normaliseBasePath } from '../src/app/base-path.ts';
import { articleFiles } from '../src/content/files.ts';
import type { Manifest, Tag } from '../src/content/schema.ts';
import { type BuildReport, formatReport } from '../src/build/build-report.ts';
import type { Redirect } from '../src/build/site-links.ts';
import { redirectPages } from '../src/prerender/redirect-pages.ts';
import { DEFAULT_CACHE_DIR, MarkdownCache } from '../src/build/markdown-cache.ts';
import { OutputFolder } from '../src/build/output-folder.ts';
import { publishSite } from '../src/build/publish-site.ts';
import { BundleCache, type BundleKind, bundleKey } from './bundle-cache.ts';
import { rendererVersion } from './page-cache.ts';
import { pageTemplate } from './page-template.ts';
import { renderInWorkers, renderRoutes, setUp } from './prerender-pages.ts';

// React and the pipeline's packages run their production code paths (several times faster than
// the development ones); set before anything imports them, including the worker threads.
process.env.NODE_ENV ??= 'production';

const root = process.cwd();
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
const base = normaliseBasePath(process.env.BASE_PATH);
const contentDir = path.resolve(root, process.env.CONTENT_DIR ?? 'content');
const quiet = Boolean(process.env.CI || process.env.QUIRE_QUIET);
const started = performance.now();

/** Routes per worker below which threads cost more than they save. */
const ROUTES_PER_THREAD = 200;
/** The module whose chunk renders markdown after a client-side navigation. */
const RENDERER_MODULE = 'src/markdown/render-markdown.tsx';
/** The module of what writers add that needs code (sessions' Copy, videos, diagrams). */
const ARTICLE_CODE_MODULE = 'src/components/article/writing-behaviour.ts';
/** Scripts and styles listed by size after a build. */
const SIZES_SHOWN = 12;

const display = (file: string) => path.relative(root, file) || '.';

/** The renderer's chunk and the chunks it imports that a first page load does not already have. */
function rendererFiles(manifest: ViteManifest): string[] {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  const loaded = new Set<string>();
  const walk = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) walk(imported, into);
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key] === entry);
  if (entryKey) walk(entryKey, loaded);
  const needed = new Set<string>();
  walk(RENDERER_MODULE, needed);
  return [...needed].filter((key) => !loaded.has(key)).map((key) => `${base}${manifest[key]!.file}`);
}

/** The built scripts and styles with their sizes, named as they are in dist/ (not the staging folder). */
function sizeList(staging: string): string {
  const assets = path.join(staging, 'assets');
  if (!existsSync(assets)) return '';
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} kB`;
  const files = readdirSync(assets)
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => ({ name, bytes: statSync(path.join(assets, name)).size, gzip: gzipSync(readFileSync(path.join(assets, name))).length }))
    .sort((a, b) => b.bytes - a.bytes);
  // The long tail is one small chunk per highlight.js grammar, loaded only by posts that use it.
  const shown = files.slice(0, SIZES_SHOWN).map(({ name, bytes, gzip }) => `  ${`${display(dist)}/assets/${name}`.padEnd(60)} ${kb(bytes)}  gzip ${kb(gzip)}`);
  const rest = files.slice(SIZES_SHOWN);
  if (rest.length > 0) shown.push(`  … and ${rest.length} smaller files, ${kb(rest.reduce((sum, file) => sum + file.bytes, 0)).trim()} in all`);
  return shown.join('\n');
}

/**
 * Link previews from SVG images show as blank cards on social sites, which render only rasters.
 * Posts' previews are PNGs the build makes (an SVG cover rasterised); the site's default is not.
 */
function svgPreviewWarnings(manifest: Manifest): string[] {
  const svg = (image: string | undefined) => image !== undefined && /\.svg(?:[?#].*)?$/i.test(image);
  return svg(manifest.site.image) ? [`site.yaml: image: ${manifest.site.image} is an SVG`] : [];
}

/** Where pre-rendered pages are kept between builds, beside the markdown results. */
const PAGE_CACHE_DIR = path.join(root, 'node_modules/.cache/quire/pages');

async function prerender(staging: string, serverDir: string, prefetch: string[], articleScript: string | undefined): Promise<number> {
  const template = pageTemplate(
    readFileSync(path.join(staging, 'index.html'), 'utf8'),
    readFileSync(path.join(staging, 'theme.js'), 'utf8'),
    base,
    prefetch,
    articleScript,
  );
  // The year is in every page's footer: a new year renders every page anew.
  const version = rendererVersion(serverDir, template.html, template.withArticleCode, base, prefetch.join('\n'), String(new Date().getFullYear()));
  const options = { serverDir, staging, base, templates: template, cache: { dir: PAGE_CACHE_DIR, version } };
  const context = await setUp(options);
  const { server, page } = context;
  const json = <T>(file: string) => JSON.parse(readFileSync(path.join(staging, file), 'utf8')) as T;
  const manifest = json<Manifest>('posts.json');
  const shape = {
    manifest,
    pageCount: json<{ pageCount: number }>('data/pages/1.json').pageCount,
    tags: json<{ tags: Tag[] }>('data/tags.json').tags,
    about: json<{ about: boolean }>('data/site.json').about,
    series: json<{ series: { slug: string }[] }>('data/series.json').series,
  };

  const routes = server.siteRoutes(shape).map((route) => route.path);
  const threads = Math.min(availableParallelism(), Math.ceil(routes.length / ROUTES_PER_THREAD));
  if (threads > 1) await renderInWorkers(options, routes, threads);
  else await renderRoutes(context, routes);
  const missing = await server.renderPage(`${base}__quire-not-found__/`, base, context.articles);
  await writeFile(path.join(staging, '404.html'), page(missing));

  const read = (file: string) => readFileSync(path.join(staging, file), 'utf8');
  const extras = new Map([
    ...server.writeFeeds(read, base),
    ...server.writeSitemap(shape, base),
    ...server.writeHeaders(base, { scriptHashes: template.scriptHashes, remoteImages: manifest.site.remoteImages }),
  ]);
  for (const [file, text] of extras) await writeFile(path.join(staging, file), text);
  await writeRedirects(staging, manifest);
  if (!manifest.site.url) {
    const siteFile = display(path.join(contentDir, 'site.yaml'));
    console.warn(`Note: ${siteFile} has no \`url\`, so the feeds, sitemap and canonical links use relative URLs or are left out.`);
  }
  for (const warning of svgPreviewWarnings(manifest)) {
    console.warn(`Warning: ${warning}; social sites do not show SVG link previews, use a PNG or JPEG.`);
  }
  return routes.length;
}

/** Thrown when `strict: true` turns the content's warnings into a failure; the list is already printed. */
class StrictFailure extends Error {}

/** The pages at old addresses; the content check keeps them off every page, this keeps them off every file. */
async function writeRedirects(staging: string, manifest: Manifest) {
  const redirects = JSON.parse(readFileSync(path.join(staging, articleFiles.redirects), 'utf8')) as Redirect[];
  const pages = redirectPages(redirects, { base, siteUrl: manifest.site.url, language: manifest.site.language });
  const from = new Map(redirects.map((redirect) => [redirect.file, redirect.from]));
  for (const [file, html] of pages) {
    const target = path.join(staging, file);
    if (!target.startsWith(staging + path.sep)) throw new Error(`Refusing to write the redirect ${from.get(file)} outside the output folder`);
    if (existsSync(target)) throw new Error(`The old address ${from.get(file)} would replace ${file}, which the site has; remove it from aliases`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, html);
  }
}

/** Runs scripts/bundle.ts: the bundles asked for, in a process of their own (see there why). */
function bundle(outDirs: Partial<Record<BundleKind, string>>): Promise<void> {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const args = Object.entries(outDirs).flatMap(([kind, dir]) => [kind, dir]);
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, 'scripts/bundle.ts'), ...args], { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`Bundling failed (${signal ?? `exit ${code}`}); Vite's messages are above`)),
    );
  });
}

const phases: string[] = [];
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  phases.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

await mkdir(path.dirname(dist), { recursive: true });
const staging = await mkdtemp(path.join(path.dirname(dist), '.dist-'));
// Inside the project, so the server bundle finds the packages it imports in node_modules.
const bundles = new BundleCache(path.join(root, 'node_modules/.cache/quire/bundles'), bundleKey(root, base));
try {
  // The bundles come from the code alone: made when it has changed, else taken from the cache.
  const missing = (['client', 'server'] as const).filter((kind) => !bundles.has(kind));
  if (missing.length > 0) await timed('bundles', () => bundles.make(missing, bundle));
  cpSync(bundles.folder('client'), staging, { recursive: true });
  const serverDir = bundles.folder('server');
  await timed('content', () => publishSite({ contentDir, base, cache: new MarkdownCache(DEFAULT_CACHE_DIR) }, new OutputFolder(staging, () => false)));
  const viteManifestFile = path.join(staging, '.vite', 'manifest.json');
  const viteManifest = JSON.parse(readFileSync(viteManifestFile, 'utf8')) as ViteManifest;
  const prefetch = rendererFiles(viteManifest);
  const articleCode = viteManifest[ARTICLE_CODE_MODULE]?.file;
  // The content's data is released once written; collect it before the pre-render's workers
  // start, so the process does not carry it through them.
  (globalThis as { gc?: () => void }).gc?.();
  const pages = await timed('pre-render', () => prerender(staging, serverDir, prefetch, articleCode && `${base}${articleCode}`));
  const report = formatReport(JSON.parse(readFileSync(path.join(staging, articleFiles.report), 'utf8')) as BuildReport);
  if (report.text) (report.failed ? console.error : console.warn)(report.text);
  if (report.failed) throw new StrictFailure();
  // Build-only files: the article HTML for pre-rendering and feeds, and Vite's chunk manifest.
  await rm(path.join(staging, articleFiles.dir), { recursive: true, force: true });
  await rm(path.join(staging, '.vite'), { recursive: true, force: true });
  if (!quiet) console.log(sizeList(staging));
  const previous = existsSync(dist) ? `${dist}.old-${process.pid}` : undefined;
  if (previous) await rename(dist, previous);
  await rename(staging, dist);
  if (previous) await rm(previous, { recursive: true, force: true });
  bundles.prune();
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`Built ${pages} pages into ${display(dist)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')}), peak ${peak} MB`);
} catch (error) {
  // Said first: removing the staging folder can fail too (a worker still writing into it).
  await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  // Content errors are a file:line:column list for the author, never a bundler's stack trace;
  // any other failure is a bug, whose stack is worth having.
  const message = error instanceof Error ? error.message : String(error);
  const contentProblems = message.indexOf('The content has');
  // The bundler appends its own stack to the message: the list ends where that starts.
  if (error instanceof StrictFailure) {
    // Already printed as the list of warnings.
  } else if (contentProblems !== -1)
    console.error(
      message
        .slice(contentProblems)
        .split(/\n\s+at /)[0]!
        .trimEnd(),
    );
  else console.error(error instanceof Error ? (error.stack ?? message) : message);
  console.error(`\nBuild failed; ${display(dist)}/ was left as it was.`);
  process.exitCode = 1;
}

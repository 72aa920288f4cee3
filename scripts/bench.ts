// `npm run bench [-- --sizes 1000,10000] [--lighthouse] [--treemap] [--writing]`: builds blogs from the shared
// corpus generator (seed 1) with the real `npm run build` and prints one table of what authors
// and readers wait for: cold, warm and one-post-changed builds with their phases and peak memory,
// the bytes a first visit to home and to a post downloads by kind, and what search adds. Figures
// only, no thresholds: each is compared with scripts/bench/last-figures.json, which this rewrites.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { cacheDir, changeOnePost, generateCorpus, timedBuild, type BuildFigures } from './bench/build.ts';
import { firstLoad, firstPostPath, launchBrowser, searchOnce, type PageBytes } from './bench/browser.ts';
import { measureDevServer } from './bench/dev-server.ts';
import { format, readFigures, table, writeFigures, type Figure, type FiguresFile } from './bench/figures.ts';
import { lighthouseMedian, type LighthouseFigures } from './bench/lighthouse.ts';
import { KIND_LABELS, KINDS, parseSizes, change } from './bench/parse.ts';
import { serveStatic } from './bench/server.ts';
import { collectChunks, packagesOf, type PackageSize } from './bench/treemap.ts';
import { WRITING_VARIANTS, writeWritingBlog } from './bench/writing.ts';

const USAGE = `usage: npm run bench [-- --sizes 1000,10000] [--lighthouse] [--treemap] [--writing]
  --sizes N,M     blog sizes in posts (or BENCH_SIZES; default 1000,10000)
  --lighthouse    Lighthouse 12 (mobile, median of 3) on home and a post of the 1,000-post blog
  --treemap       what the JS of a first load of home and of a post is made of, by package
  --writing       first-load bytes of a sample post without writing features and with each
                  (math, a diagram, a callout, code options, raw HTML); alone, it measures only that
env: QUIRE_CORPUS_GEN (corpus generator), CHROME_PATH (default /usr/bin/chromium),
     BENCH_BUILD_TIMEOUT (seconds per build; default scales with the size)`;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const figuresFile = path.join(repo, 'scripts/bench/last-figures.json');
const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(['--lighthouse', '--treemap', '--sizes', '--writing']);
const unknown = argv.filter((arg, i) => arg.startsWith('--') && !known.has(arg.split('=')[0]!) && argv[i - 1] !== '--sizes');
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(', ')}\n${USAGE}`);
  process.exit(2);
}
const wantWriting = argv.includes('--writing');
const onlyWriting = wantWriting && argv.every((arg) => arg === '--writing') && !process.env.BENCH_SIZES;
const sizes = onlyWriting ? [] : parseSizes(argv, process.env.BENCH_SIZES);
const wantLighthouse = argv.includes('--lighthouse');
const wantTreemap = argv.includes('--treemap');
// Lighthouse and the treemap describe the site, not its size: one blog is enough, the 1,000-post one.
const siteSize = sizes.includes(1000) ? 1000 : Math.min(...sizes, 1000);

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-'));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const log = (message: string) => console.error(`bench: ${message}`);
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)));
const previous = readFigures(figuresFile);
const now: Pick<FiguresFile, 'sizes' | 'lighthouse' | 'treemap' | 'writing'> = { sizes: {} };
const writingColumn: Figure[] = [];
const columns: Array<{ posts: number; figures: Figure[]; loadStart: number[]; loadEnd: number[] }> = [];
let treemapText = '';

function buildFigures(prefix: string, label: string, build: BuildFigures): Figure[] {
  return [
    { key: `${prefix}.wall`, label, unit: 's', value: build.wallSeconds },
    ...build.line.phases.map((phase): Figure => ({
      key: `${prefix}.phase.${phase.name}`,
      label: `  ${label}: ${phase.name}`,
      unit: 's',
      value: phase.seconds,
    })),
    ...(build.peakMB === undefined ? [] : [{ key: `${prefix}.peak`, label: `  ${label}: peak memory`, unit: 'MB', value: build.peakMB } satisfies Figure]),
  ];
}

function byteFigures(prefix: string, label: string, bytes: PageBytes): Figure[] {
  return [
    { key: `${prefix}.total`, label: `${label}: total (gzip)`, unit: 'bytes', value: bytes.total },
    ...KINDS.filter((kind) => kind !== 'other' || bytes.byKind.other > 0).map((kind): Figure => ({
      key: `${prefix}.${kind}`,
      label: `  ${label}: ${KIND_LABELS[kind]}`,
      unit: 'bytes',
      value: bytes.byKind[kind],
    })),
    { key: `${prefix}.requests`, label: `  ${label}: requests`, unit: 'count', value: bytes.requests },
    { key: `${prefix}.prefetch`, label: `  ${label}: prefetched at idle for the next page`, unit: 'bytes', value: bytes.prefetchBytes },
  ];
}

function lighthouseFigures(page: string, result: LighthouseFigures): Figure[] {
  return [
    { key: `lighthouse.${page}.performance`, label: `Lighthouse ${page}: performance`, unit: 'score', value: result.performance },
    { key: `lighthouse.${page}.fcp`, label: `  Lighthouse ${page}: FCP`, unit: 'ms', value: result.fcpMs },
    { key: `lighthouse.${page}.lcp`, label: `  Lighthouse ${page}: LCP`, unit: 'ms', value: result.lcpMs },
    { key: `lighthouse.${page}.tbt`, label: `  Lighthouse ${page}: TBT`, unit: 'ms', value: result.tbtMs },
    { key: `lighthouse.${page}.cls`, label: `  Lighthouse ${page}: CLS`, unit: 'cls', value: result.cls },
    { key: `lighthouse.${page}.accessibility`, label: `  Lighthouse ${page}: accessibility`, unit: 'score', value: result.accessibility },
  ];
}

/** Rows past this are summed into one: the long tail of micromark packages says little one by one. */
const TREEMAP_ROWS = 30;

function treemapTable(home: PackageSize[], post: PackageSize[], before: Record<string, number> | undefined): string {
  const all = [...new Set([...home, ...post].sort((a, b) => b.gzipBytes - a.gzipBytes).map((size) => size.name))];
  const names = all.slice(0, TREEMAP_ROWS);
  const rest = new Set(all.slice(TREEMAP_ROWS));
  const others = (sizes: PackageSize[]): PackageSize | undefined => {
    const tail = sizes.filter((size) => rest.has(size.name));
    return tail.length
      ? { name: 'others', renderedBytes: tail.reduce((s, x) => s + x.renderedBytes, 0), gzipBytes: tail.reduce((s, x) => s + x.gzipBytes, 0) }
      : undefined;
  };
  const cell = (sizes: PackageSize[], name: string) => sizes.find((size) => size.name === name);
  const lines = [
    '| package or folder | home: rendered | home: gzip | post: rendered | post: gzip | post gzip change |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const row = (name: string, h: PackageSize | undefined, p: PackageSize | undefined, key: string) =>
    `| ${name} | ${h ? format(h.renderedBytes, 'bytes') : ''} | ${h ? format(h.gzipBytes, 'bytes') : ''} | ${p ? format(p.renderedBytes, 'bytes') : ''} | ${p ? format(p.gzipBytes, 'bytes') : ''} | ${change(p?.gzipBytes, before?.[key], (v) => format(v, 'bytes'))} |`;
  for (const name of names) lines.push(row(name, cell(home, name), cell(post, name), `post.${name}`));
  if (rest.size > 0) lines.push(row(`${rest.size} smaller packages and folders`, others(home), others(post), 'post.others'));
  const total = (sizes: PackageSize[]): PackageSize => ({
    name: 'total',
    renderedBytes: sizes.reduce((s, x) => s + x.renderedBytes, 0),
    gzipBytes: sizes.reduce((s, x) => s + x.gzipBytes, 0),
  });
  lines.push(row('**total**', total(home), total(post), 'post.total'));
  return lines.join('\n');
}

async function measureSize(posts: number): Promise<void> {
  const loadStart = load();
  const dir = path.join(work, String(posts));
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'dist');
  log(`${posts} posts: generating the corpus`);
  await generateCorpus(repo, content, posts);
  // Today's build takes about 0.3 s a post on this machine; leave room for a loaded one.
  const timeoutMs = Number(process.env.BENCH_BUILD_TIMEOUT ?? 0) * 1000 || Math.max(600_000, posts * 150);

  log(`${posts} posts: cold build (cache and output removed)`);
  rmSync(cacheDir(repo), { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const cold = await timedBuild(repo, content, out, timeoutMs);
  log(`${posts} posts: warm rebuild (nothing changed)`);
  const warm = await timedBuild(repo, content, out, timeoutMs);
  log(`${posts} posts: one post changed (${path.basename(changeOnePost(content))})`);
  const changed = await timedBuild(repo, content, out, timeoutMs);

  const figures: Figure[] = [
    { key: 'pages', label: 'pages built', unit: 'count', value: cold.line.pages },
    ...buildFigures('cold', 'cold build', cold),
    ...buildFigures('warm', 'warm rebuild', warm),
    ...buildFigures('changed', 'one post changed', changed),
  ];

  const server = await serveStatic(out, { compress: true });
  let browser: Browser | undefined;
  let postPath = '';
  let homeBytes: PageBytes | undefined;
  let postBytes: PageBytes | undefined;
  try {
    log(`${posts} posts: first loads and search in Chromium`);
    browser = await launchBrowser();
    const home = `${server.origin}/`;
    postPath = await firstPostPath(browser, home);
    homeBytes = await firstLoad(browser, home);
    postBytes = await firstLoad(browser, `${server.origin}${postPath}`);
    const search = await searchOnce(browser, home);
    figures.push(
      ...byteFigures('home', 'home first load', homeBytes),
      ...byteFigures('post', 'post first load', postBytes),
      { key: 'search.bytes', label: `search "${search.query}": bytes after focus (gzip)`, unit: 'bytes', value: search.total },
      ...KINDS.filter((kind) => search.byKind[kind] > 0).map((kind): Figure => ({
        key: `search.${kind}`,
        label: `  search: ${KIND_LABELS[kind]}`,
        unit: 'bytes',
        value: search.byKind[kind],
      })),
      { key: 'search.requests', label: '  search: requests', unit: 'count', value: search.requests },
      { key: 'search.firstResult', label: '  search: focus to first result', unit: 'ms', value: search.firstResultMs },
    );
    if (posts === siteSize) {
      log(`${posts} posts: the dev server, cold and warm start, a saved post on screen`);
      const dev = await measureDevServer(repo, content, browser);
      figures.push(
        { key: 'dev.coldStart', label: 'dev server: ready (cache removed)', unit: 'ms', value: dev.coldStartMs },
        { key: 'dev.warmStart', label: 'dev server: ready (cache kept)', unit: 'ms', value: dev.warmStartMs },
        { key: 'dev.saveToScreen', label: 'dev server: a saved post on screen', unit: 'ms', value: dev.saveToScreenMs },
      );
    }
    await browser.close();
    browser = undefined;

    if (wantLighthouse && posts === siteSize) {
      const lhLoad = load();
      log(`${posts} posts: Lighthouse, 3 runs on home and on ${postPath}`);
      const postUrl = `${server.origin}${postPath}`;
      const post = await lighthouseMedian(postUrl);
      // The same post with its scripts refused: JavaScript must not delay the first paint.
      const withoutScripts = await lighthouseMedian(postUrl, 3, true);
      const lh = [
        ...lighthouseFigures('home', await lighthouseMedian(home)),
        ...lighthouseFigures('post', post),
        {
          key: 'lighthouse.post.fcpWithoutScripts',
          label: '  Lighthouse post: FCP with scripts refused',
          unit: 'ms',
          value: withoutScripts.fcpMs,
        } satisfies Figure,
      ];
      figures.push(...lh);
      now.lighthouse = { posts, recordedAt: new Date().toISOString(), loadAverage: lhLoad, figures: Object.fromEntries(lh.map((f) => [f.key, f.value])) };
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  if (wantTreemap && posts === siteSize && homeBytes && postBytes) {
    log(`${posts} posts: treemap build`);
    const tmLoad = load();
    const chunks = await collectChunks(repo, content);
    const scripts = (bytes: PageBytes) => bytes.files.filter((file) => file.kind === 'js').map((file) => new URL(file.url).pathname);
    const home = packagesOf(chunks, scripts(homeBytes), repo);
    const post = packagesOf(chunks, scripts(postBytes), repo);
    const unmatched = [...new Set([...home.unmatched, ...post.unmatched])];
    const previousTreemap = previous.treemap?.posts === posts ? previous.treemap.figures : undefined;
    treemapText = [
      `JS of a first load by package (${posts}-post blog; home and ${postPath}). Rendered = a module's bytes in its chunk`,
      `before minification; gzip = the chunk's gzip -9 size shared out by rendered bytes, so it adds up to the download.`,
      '',
      treemapTable(home.packages, post.packages, previousTreemap),
      ...(unmatched.length ? ['', `Not from the Vite client build (not broken down): ${unmatched.join(', ')}`] : []),
    ].join('\n');
    const sum = (sizes: PackageSize[]) => sizes.reduce((total, size) => total + size.gzipBytes, 0);
    now.treemap = {
      posts,
      recordedAt: new Date().toISOString(),
      loadAverage: tmLoad,
      figures: {
        ...Object.fromEntries(home.packages.map((size) => [`home.${size.name}`, Math.round(size.gzipBytes)])),
        ...Object.fromEntries(post.packages.map((size) => [`post.${size.name}`, Math.round(size.gzipBytes)])),
        'home.total': Math.round(sum(home.packages)),
        'post.total': Math.round(sum(post.packages)),
      },
    };
  }

  rmSync(dir, { recursive: true, force: true });
  // Lighthouse figures have a group of their own, so a run without --lighthouse keeps them.
  const sizeFigures = figures.filter((figure) => !figure.key.startsWith('lighthouse.'));
  now.sizes[String(posts)] = {
    recordedAt: new Date().toISOString(),
    loadAverage: loadStart,
    figures: Object.fromEntries(sizeFigures.map((f) => [f.key, f.value])),
  };
  columns.push({ posts, figures, loadStart, loadEnd: load() });
  // Saved after each size, so a later size that fails or times out does not lose this one.
  writeFigures(figuresFile, previous, now);
}

/** First-load bytes of the same sample post without writing features and with each (scripts/bench/writing.ts). */
async function measureWriting(): Promise<void> {
  const loadStart = load();
  const dir = path.join(work, 'writing');
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'dist');
  const paths = writeWritingBlog(repo, content);
  log('writing features: building the sample post six ways');
  await timedBuild(repo, content, out, 600_000);
  const server = await serveStatic(out, { compress: true });
  const browser = await launchBrowser();
  try {
    for (const variant of WRITING_VARIANTS) {
      const bytes = await firstLoad(browser, `${server.origin}${paths.get(variant.slug)!}`);
      writingColumn.push(
        { key: `writing.${variant.slug}.total`, label: `post ${variant.label}: first load (gzip)`, unit: 'bytes', value: bytes.total },
        ...KINDS.filter((kind) => bytes.byKind[kind] > 0).map((kind): Figure => ({
          key: `writing.${variant.slug}.${kind}`,
          label: `  post ${variant.label}: ${KIND_LABELS[kind]}`,
          unit: 'bytes',
          value: bytes.byKind[kind],
        })),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  now.writing = { recordedAt: new Date().toISOString(), loadAverage: loadStart, figures: Object.fromEntries(writingColumn.map((f) => [f.key, f.value])) };
  writeFigures(figuresFile, previous, now);
}

function report(): void {
  const cores = os.availableParallelism();
  const before = (posts: number): Record<string, number> => ({
    ...previous.sizes[String(posts)]?.figures,
    ...(previous.lighthouse?.posts === posts ? previous.lighthouse.figures : {}),
  });
  const since = (posts: number) => previous.sizes[String(posts)]?.recordedAt;
  console.log(`\nQuire benchmark, ${new Date().toISOString()}: Node ${process.version}, ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`);
  for (const column of columns) {
    console.log(
      `- ${column.posts} posts: load average ${column.loadStart.join(' ')} at start, ${column.loadEnd.join(' ')} at end; compared with ${since(column.posts) ?? 'nothing (first run)'}`,
    );
  }
  console.log('- builds are wall time of `npm run build` (start-up included), phases as the build reports them, peak = largest RSS (GNU time)');
  console.log('- bytes are gzip -9 of every response a fresh Chromium fetched until network idle; the machine is shared, so times are noisy');
  if (now.lighthouse)
    console.log(
      `- Lighthouse 12.2.3, default mobile config (simulated throttling), served with brotli, median of 3; load ${now.lighthouse.loadAverage.join(' ')}`,
    );
  console.log('');
  console.log(
    table(columns.map((column) => ({ title: `${column.posts.toLocaleString('en')} posts`, figures: column.figures, previous: before(column.posts) }))),
  );
  if (writingColumn.length > 0) {
    console.log("\nThe sample blog's plainest post, as it is and with one writing feature added (scripts/bench/writing.ts):\n");
    console.log(table([{ title: 'bytes', figures: writingColumn, previous: previous.writing?.figures }]));
  }
  if (treemapText) console.log(`\n${treemapText}`);
  console.log(`\nFigures saved to ${path.relative(repo, figuresFile)}.`);
}

try {
  log(`sizes ${sizes.join(', ')}; ${os.availableParallelism()} cores; load average ${load().join(' ')}`);
  for (const posts of sizes) await measureSize(posts);
  if (wantWriting) await measureWriting();
  report();
} catch (error) {
  // The sizes measured before the failure are saved already; show them before the error.
  if (columns.length > 0 || writingColumn.length > 0) report();
  console.error(error instanceof Error ? (error.message.startsWith('bench:') ? error.message : error.stack) : error);
  process.exitCode = 1;
} finally {
  cleanUp();
}

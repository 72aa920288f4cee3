// `npm run bench:search`: measures search at 1,000 and 10,000 posts in Chromium, with the app's
// real search code bundled by Vite (scripts/bench/bench-page.tsx) and the search files the build
// writes (src/build/search-files.ts) for synthetic blogs: the shared corpus generator's posts
// (../shared/bench/gen-corpus.mjs, or QUIRE_CORPUS_GEN, as `npm run bench` uses) read by the real
// content loader, or a content folder's posts.json given as BENCH_MANIFEST_1000=… and so on.
// SIZES=1000 (comma-separated) picks the sizes, QUERIES=200 the number of typed queries. Prints,
// per size: what the reader downloads for the first query, how long until it can run, and
// keystroke latency.
import react from '@vitejs/plugin-react';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { build } from 'vite';

const { generateCorpus } = await tsImport('./bench/build.ts', import.meta.url);
const { loadContent } = await tsImport('../src/build/load-content.ts', import.meta.url);
const { searchFiles } = await tsImport('../src/build/search-files.ts', import.meta.url);
const { createIndex, recentPosts, searchPosts } = await tsImport('../src/search/engine.ts', import.meta.url);
const { indexDocuments, shardOf } = await tsImport('../src/search/search-data.ts', import.meta.url);
const { ENGLISH_STOP_WORDS } = await tsImport('../src/search/stop-words.ts', import.meta.url);
const { BOX_LIMIT } = await tsImport('../src/search/queries.ts', import.meta.url);
const { RECENT_COUNT } = await tsImport('../src/search/open-search.ts', import.meta.url);

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const loadBefore = os.loadavg()[0].toFixed(1);
const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const QUERIES = Number(process.env.QUERIES ?? 200);
const LOAD_RUNS = 3;

const out = mkdtempSync(path.join(tmpdir(), 'quire-bench-search-'));
// Synchronously: an exit handler cannot wait for a promise.
process.on('exit', () => rmSync(out, { recursive: true, force: true }));

/** Small seeded PRNG (mulberry32): the same seed gives the same keystrokes on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wordsOf = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * Keystrokes of readers typing half-remembered queries: words from a post's title or excerpt,
 * each query typed a letter at a time (every prefix is one keystroke), some with a typo, plus a
 * pasted 1,000-character query and that query with one more character.
 */
function generateKeystrokes(posts, queryCount = 40, seed = 7) {
  const rand = random(seed);
  const typo = (word) => {
    if (word.length < 4) return word;
    const i = 1 + Math.floor(rand() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  const keystrokes = [];
  for (let q = 0; q < queryCount; q += 1) {
    const post = posts[Math.floor(rand() * posts.length)];
    const all = wordsOf(rand() < 0.6 ? post.title : post.excerpt);
    const from = Math.floor(rand() * Math.max(1, all.length - 3));
    let chosen = all.slice(from, from + 1 + Math.floor(rand() * 3));
    if (rand() < 0.3) chosen = chosen.map((word, i) => (i === 0 ? typo(word) : word));
    const query = chosen.join(' ');
    for (let end = 1; end <= query.length; end += 1) keystrokes.push(query.slice(0, end));
  }
  const vocabulary = [...new Set(posts.slice(0, 200).flatMap((post) => wordsOf(post.title)))];
  const long = Array.from({ length: 400 }, () => vocabulary[Math.floor(rand() * vocabulary.length)])
    .join(' ')
    .slice(0, 1000);
  keystrokes.push(long, `${long.slice(0, 999)}x`);
  return keystrokes;
}

/** A synthetic blog of `size` posts, as the build's manifest lists them: newest first. */
async function corpus(size) {
  const dir = mkdtempSync(path.join(tmpdir(), `quire-bench-corpus-${size}-`));
  try {
    await generateCorpus(repo, dir, size);
    const started = performance.now();
    const content = loadContent(dir, { drafts: false, cwd: dir });
    console.log(`  loaded ${content.posts.length.toLocaleString('en')} generated posts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return content.posts.map((post) => post.meta);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('Bundling the search code with Vite…');
await build({
  configFile: false,
  root: path.join(here, 'bench'),
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: out, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: path.join(here, 'bench/bench-page.html') } },
});

const files = (dir) =>
  readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));
const gzipSize = (data) => gzipSync(data).length;
// The worker chunk is what search adds to a page: the engine, MiniSearch and the schema.
const workerFiles = files(out).filter((file) => /search-worker.*\.js$/.test(file));
if (workerFiles.length === 0) throw new Error('Vite emitted no search worker chunk');
const workerGzip = workerFiles.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);

/** The search files of the blog being measured, served as a static host would. */
let data = new Map();
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  if (data.has(url.slice(1))) {
    res.setHeader('content-type', TYPES['.json']);
    return res.end(data.get(url.slice(1)));
  }
  const file = path.join(out, url === '/' ? 'bench-page.html' : url);
  if (!file.startsWith(out)) return res.writeHead(403).end();
  try {
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh page, so no run profits from another's warm JIT or caches. */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.title === 'ready');
  return { page, close: () => context.close() };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Gzipped bytes of the index, and of the shards the box needs to show the results of each query
 * when it is the reader's first: median and worst over the benchmark's queries.
 */
function firstQueryDownload(files, keystrokes) {
  const index = JSON.parse(files.get('data/search/index.json'));
  const engine = createIndex(indexDocuments(index), { stopWords: ENGLISH_STOP_WORDS });
  const shardBytes = new Map([...files].map(([file, text]) => [file, gzipSize(text)]));
  // Whole queries only: each prefix typed on the way shows results too, but most share shards.
  const queries = keystrokes.filter((value, i) => value.length < 200 && !(keystrokes[i + 1] ?? '').startsWith(value));
  const costs = queries.map((query) => {
    const { hits, total } = searchPosts(engine, query, BOX_LIMIT);
    const positions = total > 0 ? hits.map((hit) => hit.post) : recentPosts(engine, RECENT_COUNT);
    const shards = new Set(positions.map((position) => shardOf(position, index.shardSize).shard));
    return [...shards].reduce((sum, shard) => sum + shardBytes.get(`data/search/posts/${shard}.json`), 0);
  });
  return { index: shardBytes.get('data/search/index.json'), shards: { median: median(costs), max: Math.max(...costs) } };
}

const rows = [];
for (const size of SIZES) {
  const given = process.env[`BENCH_MANIFEST_${size}`];
  console.log(`\n${size.toLocaleString('en')} posts: ${given ? `from ${given}` : 'generating them with the shared corpus generator'}…`);
  const posts = given ? JSON.parse(readFileSync(given, 'utf8')).posts : await corpus(size);
  // English, as the bench page's engine is (its stop words).
  data = searchFiles(posts, 'en');
  const values = generateKeystrokes(posts, QUERIES);
  const download = firstQueryDownload(data, values);
  console.log(`  ${values.length} keystrokes over ${QUERIES} queries…`);

  const worker = [];
  const inThread = [];
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    for (const [method, results] of [
      ['loadWorker', worker],
      ['loadInThread', inThread],
    ]) {
      const { page, close } = await freshPage();
      results.push(await page.evaluate((name) => window.bench[name](), method));
      await close();
    }
  }

  const { page, close } = await freshPage();
  const breakdown = await page.evaluate(() => window.bench.breakdown());
  const prebuilt = await page.evaluate(() => window.bench.prebuilt());
  await page.evaluate(() => window.bench.loadWorker());
  const trips = await page.evaluate((queries) => window.bench.roundTrips(queries), values);
  const keys = await page.evaluate((queries) => window.bench.keystrokes(queries), values);
  // A second pass, to tell a keystroke that is slow from one that met a busy machine: the
  // smaller of its two times is its own cost.
  const again = await page.evaluate((queries) => window.bench.keystrokes(queries), values);
  const filtered = keys.map((time, i) => Math.min(time, again[i]));
  await close();

  const longKeys = values.flatMap((value, i) => (value.length >= 1000 ? [keys[i]] : []));
  const slowest = values
    .map((value, i) => ({ value, ms: keys[i] }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map(({ value, ms: time }) => `${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)} ${ms(time)}`);
  console.log(`  slowest keystrokes: ${slowest.join(', ')}`);
  rows.push({
    size,
    download,
    worker: median(worker.map((result) => result.ms)),
    workerLongest: Math.max(...worker.map((result) => result.longestTask)),
    inThread: median(inThread.map((result) => result.ms)),
    inThreadLongest: Math.max(...inThread.map((result) => result.longestTask)),
    prebuilt,
    breakdown,
    trips: { p50: percentile(trips, 50), p95: percentile(trips, 95), max: Math.max(...trips) },
    keys: {
      p50: percentile(keys, 50),
      p95: percentile(keys, 95),
      max: Math.max(...keys),
      filteredP95: percentile(filtered, 95),
      filteredMax: Math.max(...filtered),
      long: Math.max(...longKeys),
      count: keys.length,
    },
  });
}
await browser.close();
server.close();

const table = (header, body) => {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(line(row));
};

console.log(
  `\nSearch in Chromium (index built in a Web Worker from data/search/index.json); load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after, on ${os.cpus().length} CPUs\n`,
);
table(
  ['posts', 'first query download, median / max (gzip)', 'first query after', 'keystroke p50', 'p95', 'max', 'p95 / max, best of 2', '1,000-char query'],
  rows.map((row) => [
    row.size.toLocaleString('en'),
    `${kb(row.download.index + row.download.shards.median + workerGzip)} / ${kb(row.download.index + row.download.shards.max + workerGzip)}`,
    ms(row.worker),
    ms(row.keys.p50),
    ms(row.keys.p95),
    ms(row.keys.max),
    `${ms(row.keys.filteredP95)} / ${ms(row.keys.filteredMax)}`,
    ms(row.keys.long),
  ]),
);
console.log(
  [
    '',
    `download: the search worker (${kb(workerGzip)}), data/search/index.json (${rows.map((row) => `${kb(row.download.index)} at ${row.size.toLocaleString('en')}`).join(', ')})`,
    '  and the shards holding the results the box shows for the first query (each of the queries below taken as the first), gzip;',
    '  the page itself loads none of it until search is used.',
    'first query after: from creating the worker to its index being ready (fetch, parse, validate, index), median of 3 fresh pages.',
    `keystroke: input event to results rendered by the real SearchBox, ${rows[0]?.keys.count ?? 0}+ keystrokes per size, results cache dropped before each`,
    '  (shards stay cached in the worker, as in a visit; a keystroke whose results need a new shard includes fetching it);',
    'best of 2: each keystroke timed again in a second pass and the smaller time kept, which filters out pauses the machine caused.',
  ].join('\n'),
);

console.log('\nWhere the time to the first query goes (on the page thread, for comparison)\n');
table(
  ['posts', 'fetch', 'JSON.parse', 'zod', 'index'],
  rows.map((row) => [row.size.toLocaleString('en'), ms(row.breakdown.fetch), ms(row.breakdown.parse), ms(row.breakdown.validate), ms(row.breakdown.index)]),
);

console.log('\nWhy a worker, and why the index is built in the browser\n');
table(
  [
    'posts',
    'engine round trip p50 / p95 / max',
    'build in worker: longest main-thread task',
    'build on page: time / longest task',
    'serialised MiniSearch instead: download / load time',
  ],
  rows.map((row) => [
    row.size.toLocaleString('en'),
    `${ms(row.trips.p50)} / ${ms(row.trips.p95)} / ${ms(row.trips.max)}`,
    ms(row.workerLongest),
    `${ms(row.inThread)} / ${ms(row.inThreadLongest)}`,
    `${kb(row.prebuilt.gzip)} / ${ms(row.prebuilt.ms)}`,
  ]),
);

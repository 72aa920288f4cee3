// `npm run bench`: builds synthetic blogs of several sizes with the real build and prints what
// matters to authors and readers: build time, output size, and the bytes a first visit to the
// home page and to a post downloads (gzip). Then runs the search benchmark when present.
// Figures only, no pass/fail: compare them against the previous run's in the closing notes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generatePosts } from './bench/generate-posts.mjs';

const sizes = (process.env.BENCH_SIZES ?? '10,1000,10000').split(',').map(Number);
const root = process.cwd();
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** A post body shaped like the blog's: prose, headings, a command, a table. */
function body(post, index) {
  const para = `${post.excerpt} ${post.title.toLowerCase()} was measured on host ${index % 17} with the same settings as before.`;
  return [
    para,
    '',
    '## What we saw',
    '',
    para,
    '',
    '```bash',
    `sysctl -w vm.dirty_ratio=${10 + (index % 30)}`,
    `iostat -x 1 ${index % 9 + 1}`,
    '```',
    '',
    '## Numbers',
    '',
    '| setting | before | after |',
    '| ------- | -----: | ----: |',
    `| ratio | ${index % 40} | ${index % 13} |`,
    `| latency ms | ${index % 97} | ${index % 31} |`,
    '',
    '### Why',
    '',
    para,
    '',
  ].join('\n');
}

function writeBlog(dir, count) {
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  writeFileSync(path.join(dir, 'site.yaml'), 'title: Bench Blog\nurl: https://bench.example\npostsPerPage: 10\n');
  generatePosts(count).forEach((post, index) => {
    const front = [
      '---',
      `title: ${JSON.stringify(post.title)}`,
      `date: ${post.date.slice(0, 10)}`,
      `tags: ${JSON.stringify(post.tags)}`,
      ...(index === 3 ? ['featured: true'] : []),
      '---',
    ].join('\n');
    writeFileSync(path.join(dir, 'posts', `${post.slug}.md`), `${front}\n${body(post, index)}`);
  });
}

function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

/** Bytes (gzip) of an HTML page and the scripts and styles it loads before it is usable. */
function firstLoad(out, htmlFile, lazyChunks = []) {
  const html = readFileSync(path.join(out, htmlFile));
  const assets = [...html.toString().matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const js = assets.filter((file) => file.endsWith('.js'));
  // Lazy route chunks the page loads before hydrating (the post view and its markdown renderer).
  const lazy = readdirSync(path.join(out, 'assets')).filter((file) => lazyChunks.some((prefix) => file.startsWith(prefix)) && file.endsWith('.js'));
  js.push(...lazy.map((file) => `assets/${file}`));
  const jsBytes = js.reduce((sum, file) => sum + gz(readFileSync(path.join(out, file))), 0);
  const cssBytes = assets.filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + gz(readFileSync(path.join(out, file))), 0);
  return { html: gz(html), js: jsBytes, css: cssBytes, total: gz(html) + jsBytes + cssBytes };
}

const rows = [];
for (const count of sizes) {
  const work = mkdtempSync(path.join(os.tmpdir(), `quire-bench-${count}-`));
  const content = path.join(work, 'content');
  const out = path.join(work, 'dist');
  writeBlog(content, count);
  const started = performance.now();
  const log = execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, QUIRE_QUIET: '1', BASE_PATH: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const seconds = (performance.now() - started) / 1000;
  const home = firstLoad(out, 'index.html');
  const post = firstLoad(out, 'posts/post-0/index.html', ['post-', 'markdown-']);
  const manifest = gz(readFileSync(path.join(out, 'posts.json')));
  const { bytes, files } = folderSize(out);
  rows.push({ count, seconds, home, post, manifest, bytes, files });
  rmSync(work, { recursive: true, force: true });
  console.log(`${count} posts: ${log.match(/Built .*/)?.[0] ?? `built in ${seconds.toFixed(1)} s`}`);
}

console.log('\nBuild and first-load figures (gzip level 9)\n');
console.log('| posts | build | per post | dist | files | home: HTML + JS + CSS | post: HTML + JS + CSS | posts.json |');
console.log('| ----: | ----: | -------: | ---: | ----: | --------------------- | --------------------- | ---------: |');
for (const row of rows) {
  const page = (p) => `${kb(p.total)} (${kb(p.html)} + ${kb(p.js)} + ${kb(p.css)})`;
  console.log(
    `| ${row.count} | ${row.seconds.toFixed(1)} s | ${((row.seconds * 1000) / row.count).toFixed(1)} ms | ${(row.bytes / 1048576).toFixed(1)} MB | ${row.files} | ${page(row.home)} | ${page(row.post)} | ${kb(row.manifest)} |`,
  );
}

if (existsSync(path.join(root, 'scripts/bench-search.mjs')) && !process.env.BENCH_SKIP_SEARCH) {
  console.log('\nSearch\n');
  execFileSync(process.execPath, [path.join(root, 'scripts/bench-search.mjs')], { cwd: root, stdio: 'inherit' });
}

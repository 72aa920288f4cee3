import { MarkdownCache } from './src/build/markdown-cache.ts';
const { loadContentInParallel } = await import('./src/build/load-content.ts');
const { buildDataFiles } = await import('./src/build/data-files.ts');
const cache = new MarkdownCache('node_modules/.cache/quire/markdown');
const opts = { drafts: true, base: '/', feeds: false, cache, lenient: true };
await loadContentInParallel('/tmp/c1k', opts);
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const c = await loadContentInParallel('/tmp/c1k', opts);
  const t1 = performance.now();
  buildDataFiles(c);
  console.log('load', (t1 - t0).toFixed(0), 'data', (performance.now() - t1).toFixed(0));
}
const { searchFiles } = await import('./src/build/search-files.ts');
const c = await loadContentInParallel('/tmp/c1k', opts);
let t = performance.now(); searchFiles(c.posts.map(p => p.meta), 'en'); console.log('search', (performance.now()-t).toFixed(0));
t = performance.now(); for (const p of c.posts) JSON.stringify({ markdown: p.markdown, headings: p.headings, images: p.images }); console.log('posts json', (performance.now()-t).toFixed(0));

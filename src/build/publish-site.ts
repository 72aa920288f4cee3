import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MEDIA_DIR } from '../content/files.ts';
import { KATEX_DIR } from '../markdown/math-styles.ts';
import { buildReportFiles } from './build-report.ts';
import { buildArticleFiles, publishContentInParallel } from './data-files.ts';
import { DEFAULT_IMAGE_CACHE_DIR, ResizeCache } from './images/resize-cache.ts';
import type { MarkdownCache } from './markdown-cache.ts';
import type { OutputFolder } from './output-folder.ts';
import { PreviewCache } from './previews/link-preview.ts';
import { postPreviews } from './previews/post-previews.ts';
import { ContentError, formatProblem } from './problems.ts';

/**
 * Set by `npm run build` around Vite's client build: the bundle only, since the build script
 * publishes the content itself (next to a client bundle it may take from its cache).
 */
export const BUNDLE_ONLY_ENV = 'QUIRE_BUNDLE_ONLY';

/** KaTeX's stylesheet and fonts as the package ships them, keyed by their path under KATEX_DIR. */
export function katexFiles(): Map<string, string> {
  const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
  const files = new Map([['katex.min.css', path.join(dist, 'katex.min.css')]]);
  for (const font of readdirSync(path.join(dist, 'fonts'))) files.set(`fonts/${font}`, path.join(dist, 'fonts', font));
  return files;
}

export interface PublishOptions {
  contentDir: string;
  /** The site's base path, `/` or `/blog/`. */
  base: string;
  cache?: MarkdownCache;
  /** Folder of resized and downloaded images and of link previews. */
  imageCache?: string;
  /** The moment posts dated later are held back until; defaults to now. */
  now?: number;
  /** Where warnings go (Vite's logger inside Vite). */
  warn?: (message: string) => void;
}

/**
 * What a production build publishes from the content, written into the output folder as it is
 * made: the data files, the articles' HTML for the pre-renderer and the feeds, the build report,
 * the post folders' files, resized images, link previews and, for a blog with math, KaTeX's files.
 * Nothing stays in memory once it returns. Throws a ContentError listing every problem.
 */
export async function publishSite(options: PublishOptions, out: OutputFolder): Promise<void> {
  const { contentDir, base } = options;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const imageCache = options.imageCache ?? DEFAULT_IMAGE_CACHE_DIR;
  const quiet = Boolean(process.env.QUIRE_QUIET);
  const { content, files } = await publishContentInParallel(contentDir, {
    drafts: false,
    base,
    feeds: true,
    cache: options.cache,
    lenient: false,
    imageCache,
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  // The pipeline's workers leave the heap full of their copied results and the cache's JSON: one
  // collection now keeps V8 from growing past it for the rest of the build (npm run build runs
  // Node with --expose-gc; elsewhere this does nothing).
  (globalThis as { gc?: () => void }).gc?.();
  for (const warning of content.warnings ?? []) warn(`Warning: ${formatProblem(warning)}`);
  if (content.problems?.length) throw new ContentError(content.problems);
  for (const { file, date } of content.scheduled ?? []) console.log(`Scheduled: ${file} (${date}) is left out until then`);

  for (const [fileName, source] of files) out.write(fileName, source);
  files.clear();
  for (const [fileName, source] of buildArticleFiles(content)) out.write(fileName, source);
  for (const [fileName, source] of buildReportFiles(content)) out.write(fileName, source);
  // KaTeX's styles and fonts, for the pages with math to link (see math-styles.ts).
  if ([...content.posts, ...(content.about ? [content.about] : [])].some((article) => article.features.includes('math'))) {
    for (const [name, file] of katexFiles()) out.copy(`${KATEX_DIR}/${name}`, file);
  }
  for (const asset of content.assets) out.copy(`${MEDIA_DIR}/${asset}`, path.join(contentDir, asset));
  for (const file of content.rootFiles ?? []) out.copy(file, path.join(contentDir, file));
  for (const [published, file] of content.remoteFiles ?? []) out.copy(published, file);

  const resized = new ResizeCache(imageCache);
  const resizing = performance.now();
  const copies = await resized.resizeAll(content.variants ?? []);
  for (const { published, file } of copies) out.copy(published, file);
  if (copies.length > 0 && !quiet) {
    const seconds = ((performance.now() - resizing) / 1000).toFixed(1);
    console.log(`Images: ${copies.length} resized copies, ${resized.made} made, the rest from the cache, in ${seconds} s`);
  }

  const previews = new PreviewCache(imageCache);
  const drawing = performance.now();
  const previewFiles = await postPreviews(content, contentDir, previews);
  for (const [published, file] of previewFiles) out.copy(published, file);
  if (!quiet) {
    const seconds = ((performance.now() - drawing) / 1000).toFixed(1);
    console.log(`Link previews: ${previewFiles.size}, ${previews.made} drawn, the rest from the cache, in ${seconds} s`);
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { CONTENT_PROBLEMS_HEADER, CONTENT_UPDATE_EVENT, MEDIA_DIR, dataFiles, previewFile } from '../content/files.ts';
import { KATEX_DIR } from '../markdown/math-styles.ts';
import { OutputFolder } from './output-folder.ts';
import { BUNDLE_ONLY_ENV, katexFiles, publishSite } from './publish-site.ts';
import { publishContentInParallel } from './data-files.ts';
import { DEFAULT_IMAGE_CACHE_DIR, ResizeCache, variantsByPath } from './images/resize-cache.ts';
import { DEFAULT_CACHE_DIR, MarkdownCache } from './markdown-cache.ts';
import { PreviewCache } from './previews/link-preview.ts';
import { previewInput } from './previews/post-previews.ts';
import type { Content } from './load-content.ts';
import { ContentError, type ContentProblem, formatProblem } from './problems.ts';

export interface QuireOptions {
  /** The blog's folder; defaults to `CONTENT_DIR` or `content/`. */
  contentDir?: string;
  /** Folder of the markdown results cache, or false for none; defaults to `node_modules/.cache/quire/`. */
  cacheDir?: string | false;
  /** Folder of resized and downloaded images; defaults to `node_modules/.cache/quire/images/`. */
  imageCacheDir?: string;
  /** The moment posts dated later are held back until; defaults to the time of the build. */
  now?: number;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Turns a ContentError into the shape Vite's error overlay shows, pointing at the first problem. */
function overlayError(error: ContentError) {
  const first = error.problems[0];
  return {
    message: error.message,
    stack: '',
    id: first?.file,
    loc: first ? { file: path.resolve(first.file), line: first.line, column: first.column } : undefined,
    plugin: 'quire',
  };
}

/** `The content has 2 problems:` and one `file:line:col: ...` line each, as the build prints them. */
const problemList = (problems: ContentProblem[]) => new ContentError(problems).message;

/**
 * Reads the content folder and publishes it: written beside the bundle on `vite build` (see
 * publish-site.ts), served from memory by the dev server, where a saved post updates the open page.
 */
export function quire(options: QuireOptions = {}): Plugin {
  const contentDir = path.resolve(options.contentDir ?? process.env.CONTENT_DIR ?? 'content');
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  // One instance for the plugin's life: a reload after a save finds every other post in memory.
  const cache = cacheDir === false ? undefined : new MarkdownCache(cacheDir);
  const imageCache = options.imageCacheDir ?? DEFAULT_IMAGE_CACHE_DIR;
  const resized = new ResizeCache(imageCache);
  let variants = new Map<string, Parameters<ResizeCache['ensure']>>();
  const previews = new PreviewCache(imageCache);
  let production = true;
  let base = '/';
  let content: Content | undefined;
  let data = new Map<string, string>();
  /** Site-wide problems: nothing can be served. */
  let failure: ContentError | undefined;
  /** Data files of posts that are broken, with the problems to show in their place. */
  let broken = new Map<string, string>();

  /** Where the build's warnings go: Vite's logger once the plugin has one. */
  let warn = (message: string) => console.warn(message);

  const reload = async () => {
    try {
      ({ content, files: data } = await publishContentInParallel(contentDir, {
        drafts: true,
        base,
        feeds: false,
        cache,
        lenient: true,
        imageCache,
        ...(options.now !== undefined ? { now: options.now } : {}),
      }));
      // Once per load of the content: a build prints each warning once, the dev server on each change.
      for (const warning of content.warnings ?? []) warn(`Warning: ${formatProblem(warning)}`);
      failure = undefined;
      variants = new Map([...variantsByPath(content.variants ?? [])].map(([published, { job, width, format }]) => [published, [job, width, format]]));
      const problems = content.problems ?? [];
      broken = new Map(
        (content.broken ?? []).map(({ slug, file }) => [dataFiles.post(slug), problemList(problems.filter((problem) => problem.file === file))]),
      );
      return problems.length > 0 ? new ContentError(problems) : undefined;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      failure = error;
      return error;
    }
  };

  const serve = (server: ViteDevServer) => {
    server.middlewares.use((req, res, next) => {
      const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      if (!url.startsWith(base)) return next();
      const file = url.slice(base.length);
      const problem = failure && (data.has(file) || file.startsWith('data/')) ? failure.message : broken.get(file);
      if (problem !== undefined) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        // Tells the app the body is the author's problem list, worth showing on the page.
        res.setHeader(CONTENT_PROBLEMS_HEADER, '1');
        return res.end(problem);
      }
      if (file.startsWith(`${KATEX_DIR}/`)) {
        const katex = katexFiles().get(file.slice(KATEX_DIR.length + 1));
        if (katex) {
          res.setHeader('content-type', TYPES[path.extname(katex)] ?? 'application/octet-stream');
          return res.end(readFileSync(katex));
        }
      }
      const json = data.get(file);
      if (json !== undefined) {
        res.setHeader('content-type', TYPES['.json']!);
        res.setHeader('cache-control', 'no-store');
        return res.end(json);
      }
      const variant = variants.get(file);
      const remote = content?.remoteFiles?.get(file);
      const previewed = content?.posts.find((post) => previewFile(post.meta.slug) === file);
      if (variant || remote || previewed) {
        // Resized or drawn on first request, so the dev server starts without making every image.
        const made = variant ? resized.ensure(...variant) : remote ? Promise.resolve(remote) : previews.get(previewInput(previewed!, content!, contentDir));
        made.then(
          (made) => {
            res.setHeader('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
            res.end(readFileSync(made));
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.end(String(error));
          },
        );
        return;
      }
      const asset =
        file.startsWith(`${MEDIA_DIR}/`) && content?.assets.includes(file.slice(MEDIA_DIR.length + 1))
          ? file.slice(MEDIA_DIR.length + 1)
          : content?.rootFiles?.includes(file)
            ? file
            : undefined;
      if (asset !== undefined) {
        res.setHeader('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
        return res.end(readFileSync(path.join(contentDir, asset)));
      }
      // Without this, Vite's SPA fallback would answer a missing post's data with index.html.
      if (file.startsWith('data/')) {
        res.statusCode = 404;
        return res.end('Not found');
      }
      next();
    });
  };

  return {
    name: 'quire',
    configResolved(config) {
      production = config.command === 'build';
      base = config.base;
      warn = (message) => config.logger.warn(message);
    },
    // In a build the content is published after the bundle is written (Vite empties the folder
    // first), and nothing of it stays in memory; `npm run build` publishes it itself (BUNDLE_ONLY_ENV).
    async writeBundle(output, bundle) {
      if (!production || this.environment?.config.consumer === 'server' || !output.dir || process.env[BUNDLE_ONLY_ENV]) return;
      const out = new OutputFolder(output.dir, (fileName) => Object.hasOwn(bundle, fileName));
      try {
        await publishSite({ contentDir, base, ...(cache ? { cache } : {}), imageCache, ...(options.now !== undefined ? { now: options.now } : {}), warn }, out);
      } catch (error) {
        if (error instanceof ContentError) this.error(error.message);
        throw error;
      }
    },
    async configureServer(server) {
      const report = (error: ContentError | undefined) => {
        if (!error) return;
        server.config.logger.error(error.message, { timestamp: true });
        server.ws.send({ type: 'error', err: overlayError(error) });
      };
      const first = await reload();
      if (first) server.config.logger.error(first.message, { timestamp: true });
      serve(server);
      server.watcher.add(contentDir);
      let pending = Promise.resolve();
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
        // One reload at a time: an editor's save can touch a file twice in a few milliseconds.
        pending = pending.then(async () => {
          const error = await reload();
          report(error);
          if (!failure) server.ws.send({ type: 'custom', event: CONTENT_UPDATE_EVENT, data: { ok: !error } });
        });
      };
      server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
      // A page opened while the content is broken gets the overlay too, not just pages already open.
      server.ws.on('connection', () => {
        const error = failure ?? (content?.problems?.length ? new ContentError(content.problems) : undefined);
        if (error) setTimeout(() => server.ws.send({ type: 'error', err: overlayError(error) }), 100);
      });
    },
  };
}

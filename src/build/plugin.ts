import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { CONTENT_UPDATE_EVENT, MEDIA_DIR } from '../content/files.ts';
import { publishContent } from './data-files.ts';
import type { Content } from './load-content.ts';
import { ContentError } from './problems.ts';

export interface QuireOptions {
  /** The blog's folder; defaults to `CONTENT_DIR` or `content/`. */
  contentDir?: string;
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

/**
 * Reads the content folder and publishes it: emitted into the bundle on `vite build`, served
 * from memory by the dev server, where a saved post updates the open page.
 */
export function quire(options: QuireOptions = {}): Plugin {
  const contentDir = path.resolve(options.contentDir ?? process.env.CONTENT_DIR ?? 'content');
  let production = true;
  let content: Content | undefined;
  let data = new Map<string, string>();
  let failure: ContentError | undefined;

  const reload = () => {
    try {
      ({ content, files: data } = publishContent(contentDir, { drafts: !production }));
      failure = undefined;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      failure = error;
    }
  };

  const serve = (server: ViteDevServer) => {
    const base = server.config.base;
    server.middlewares.use((req, res, next) => {
      const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      if (!url.startsWith(base)) return next();
      const file = url.slice(base.length);
      if (failure && (data.has(file) || file.startsWith('data/'))) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        return res.end(failure.message);
      }
      const json = data.get(file);
      if (json !== undefined) {
        res.setHeader('content-type', TYPES['.json']!);
        res.setHeader('cache-control', 'no-store');
        return res.end(json);
      }
      if (file.startsWith(`${MEDIA_DIR}/`) && content?.assets.includes(file.slice(MEDIA_DIR.length + 1))) {
        res.setHeader('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
        return res.end(readFileSync(path.join(contentDir, file.slice(MEDIA_DIR.length + 1))));
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
    },
    buildStart() {
      // The server bundle only renders; the data it reads is what the client build wrote.
      if (this.environment?.config.consumer === 'server') return;
      reload();
      if (failure) this.error(failure.message);
    },
    generateBundle() {
      if (this.environment?.config.consumer === 'server' || !content) return;
      for (const [fileName, source] of data) this.emitFile({ type: 'asset', fileName, source });
      for (const asset of content.assets) {
        this.emitFile({ type: 'asset', fileName: `${MEDIA_DIR}/${asset}`, source: readFileSync(path.join(contentDir, asset)) });
      }
    },
    configureServer(server) {
      reload();
      serve(server);
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
        reload();
        if (failure) server.ws.send({ type: 'error', err: overlayError(failure) });
        else server.ws.send({ type: 'custom', event: CONTENT_UPDATE_EVENT });
      };
      server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
      // A page opened while the content is broken gets the overlay too, not just pages already open.
      server.ws.on('connection', () => {
        if (failure) setTimeout(() => server.ws.send({ type: 'error', err: overlayError(failure!) }), 100);
      });
    },
  };
}

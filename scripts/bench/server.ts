// A static server for the benchmark: the same rules as scripts/serve.mjs (files as they are, a
// folder's index.html, a trailing-slash redirect, 404.html, the `_headers` file's headers), plus
// on-the-fly gzip or brotli so Lighthouse sees transfer sizes a real static host would send.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { headersFor, parseHeaderRules } from './parse.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, options: { compress: boolean }): Promise<StaticServer> {
  const dir = path.resolve(root);
  const headerFile = path.join(dir, '_headers');
  const rules = existsSync(headerFile) ? parseHeaderRules(readFileSync(headerFile, 'utf8')) : [];
  // Each file is compressed once: Lighthouse loads the same pages three times, and compressing
  // on every request would put the server's CPU time into the page's timings.
  const compressed = new Map<string, Buffer>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, file: string) => {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, ...headersFor(rules, url.pathname) };
      let body: Buffer = readFileSync(file);
      const accept = String(req.headers['accept-encoding'] ?? '');
      const encoding = !options.compress || !COMPRESSIBLE.test(type) ? undefined : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
      if (encoding) {
        const key = `${encoding}:${file}`;
        let packed = compressed.get(key);
        if (!packed) {
          packed =
            encoding === 'br'
              ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
              : gzipSync(body, { level: 9 });
          compressed.set(key, packed);
        }
        body = packed;
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(dir, '404.html');
      if (existsSync(page)) return send(404, page);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    const file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return notFound();
    try {
      if (existsSync(file) && statSync(file).isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = path.join(file, 'index.html');
        return existsSync(index) ? send(200, index) : notFound();
      }
      if (existsSync(file)) return send(200, file);
      notFound();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

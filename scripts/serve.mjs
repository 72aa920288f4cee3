// `npm run preview`: serves a folder the way a plain static host does, and no more: files as they
// are, a folder's index.html, a redirect to add the trailing slash (the base's too), 404.html for anything else,
// and the headers of a Netlify/Cloudflare-style `_headers` file (so tests run under the site's CSP).
// No rewrites to index.html, so what works here works on any static host.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
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
};

/** Rules of a `_headers` file: a path pattern (`*` matches anything) and its indented headers. */
function readHeaderRules(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      rules.push({ pattern, headers: {} });
    } else if (rules.length > 0) {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/** Starts a static server for `root` mounted at `base`; resolves with the server once listening. */
export function serveStatic({ root, base = '/', port = 4173, host = '127.0.0.1' }) {
  const dir = path.resolve(root);
  const rules = readHeaderRules(path.join(dir, '_headers'));
  let requestPath = '/';
  const send = (res, status, file) => {
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    for (const rule of rules) if (rule.pattern.test(requestPath)) Object.assign(headers, rule.headers);
    res.writeHead(status, headers);
    createReadStream(file).pipe(res);
  };
  const notFound = (res) => {
    const page = path.join(dir, '404.html');
    if (existsSync(page)) return send(res, 404, page);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound(res);
    }
    requestPath = pathname;
    // The base without its slash (`/blog`) is the site's folder, so it redirects like any other.
    if (base !== '/' && `${pathname}/` === base) {
      res.writeHead(301, { location: `${base}${url.search}` }).end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(res);
    const file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      return existsSync(index) ? send(res, 200, index) : notFound(res);
    }
    if (existsSync(file)) return send(res, 200, file);
    notFound(res);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const base = process.env.BASE_PATH ? `/${process.env.BASE_PATH.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
  const port = Number(process.env.PORT ?? 4173);
  await serveStatic({ root, base, port });
  console.log(`Serving ${root}/ at http://127.0.0.1:${port}${base}`);
}

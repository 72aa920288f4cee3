import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** `missing`: the path is allowed but nothing is there; a dead link, not a danger. */
export type LocalFile = { ok: true; absolute: string } | { ok: false; why: string; missing?: { absolute: string } };

const inside = (from: string, to: string) => {
  const relative = path.relative(from, to);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
};

/** Resolves a relative URL against a folder to a file inside the content folder, or says why it may not be used. */
export function resolveLocal(url: string, fromDir: string, contentDir: string): LocalFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return { ok: false, why: `expected a valid relative URL, got ${JSON.stringify(url)}` };
  }
  // Browsers drop tabs and newlines from URLs and trim spaces: `java\tscript:` is a scheme, not a file name.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+/, ''))) {
    return { ok: false, why: `expected a relative path, got ${JSON.stringify(url)} which a browser reads as a URL scheme` };
  }
  const outside = { ok: false as const, why: `expected a path inside the content folder, got ${JSON.stringify(url)}` };
  if (decoded.includes('\0')) return { ok: false, why: `expected a valid relative URL, got ${JSON.stringify(url)} which contains a NUL character` };
  const absolute = path.resolve(fromDir, decoded);
  if (!inside(contentDir, absolute)) return outside;
  let real: string;
  try {
    real = realpathSync(absolute);
    if (!statSync(real).isFile()) throw new Error('not a file');
  } catch {
    return { ok: false, why: `expected a file beside the post, got ${JSON.stringify(url)} which does not exist`, missing: { absolute } };
  }
  // A symbolic link inside the folder may point anywhere; what counts is where it lands.
  const realContent = realpathSync(contentDir);
  if (!inside(realContent, real)) return outside;
  if (path.relative(realContent, real) !== path.relative(contentDir, absolute)) {
    return { ok: false, why: `expected a file, got ${JSON.stringify(url)} which is a symbolic link; links are not published, copy the file in` };
  }
  if (absolute.endsWith('.md')) return markdownFile(url);
  return { ok: true, absolute };
}

const markdownFile = (url: string): LocalFile => ({
  ok: false,
  why: `expected a file other than markdown, got ${JSON.stringify(url)}; link to posts as /posts/SLUG`,
});

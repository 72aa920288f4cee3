// Pre-rendered pages kept between builds: a page is rendered again only when a file it read (its
// data, its article) or the renderer itself (server bundle, page template, base path) changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface CachedPage {
  /** Files under the output folder the page read while rendering, with the hash of their content then. */
  inputs: [string, string][];
  html: string;
}

/** The renderer's version: every file of the server bundle, the page template and anything else given. */
export function rendererVersion(serverDir: string, ...parts: string[]): string {
  const hash = createHash('sha256');
  for (const name of (readdirSync(serverDir, { recursive: true }) as string[]).sort()) {
    const file = path.join(serverDir, name);
    if (/\.(m?js|json)$/.test(name)) hash.update(name).update(readFileSync(file));
  }
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

export class PageCache {
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly version: string,
    private readonly outDir: string,
  ) {}

  private fileFor(route: string): string {
    const key = sha(`${this.version}\n${route}`);
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The hash of a file's content in the output folder, read once per build and thread. */
  hashOf(file: string): string {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      const absolute = path.join(this.outDir, file);
      hash = existsSync(absolute) ? sha(readFileSync(absolute)) : 'missing';
      this.hashes.set(file, hash);
    }
    return hash;
  }

  /** The page as last rendered, if nothing it read has changed since. */
  get(route: string): string | undefined {
    let cached: CachedPage;
    try {
      cached = JSON.parse(readFileSync(this.fileFor(route), 'utf8')) as CachedPage;
    } catch {
      return undefined;
    }
    return cached.inputs.every(([file, hash]) => this.hashOf(file) === hash) ? cached.html : undefined;
  }

  set(route: string, inputs: Iterable<string>, html: string): void {
    const file = this.fileFor(route);
    const entry: CachedPage = { inputs: [...new Set(inputs)].map((input) => [input, this.hashOf(input)]), html };
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, file);
    } catch {
      // Only speed is lost when the cache cannot be written.
    }
  }
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownJob, MarkdownOutput } from './process-markdown.ts';

/** Where results live between builds; `node_modules/.cache` is where tools keep caches by convention. */
export const DEFAULT_CACHE_DIR = path.resolve('node_modules/.cache/quire/markdown');

/** The `src/` folder this module is in (test runners may give modules non-file URLs). */
const sourceRoot = () => (import.meta.url.startsWith('file:') ? fileURLToPath(new URL('..', import.meta.url)) : path.resolve('src'));

/** Source folders whose code decides what HTML a post becomes: the pipeline, its components, the build. */
const PIPELINE_SOURCES = ['markdown', 'components', 'build'];

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.(ts|tsx)$/.test(name)).sort();
}

let version: string | undefined;

/**
 * The pipeline's version: a hash of its code and of the locked dependencies, so a cached page is
 * never served by a build whose markdown handling has changed, and nobody has to remember a bump.
 */
export function pipelineVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const srcDir = sourceRoot();
  for (const folder of PIPELINE_SOURCES) {
    const dir = path.join(srcDir, folder);
    for (const name of listSources(dir)) hash.update(name).update(readFileSync(path.join(dir, name)));
  }
  const lock = path.join(srcDir, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  version = hash.digest('hex').slice(0, 16);
  return version;
}

/** Results of the markdown pipeline keyed by everything that went in, checked against their files on the way out. */
export class MarkdownCache {
  constructor(private readonly dir: string) {}

  private fileFor(job: MarkdownJob): string {
    const key = createHash('sha256').update(pipelineVersion()).update(JSON.stringify(job)).digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached result for the job, unless a file it depends on has changed since. */
  get(job: MarkdownJob): MarkdownOutput | undefined {
    let output: MarkdownOutput;
    try {
      output = JSON.parse(readFileSync(this.fileFor(job), 'utf8')) as MarkdownOutput;
    } catch {
      return undefined;
    }
    for (const dependency of output.dependencies) {
      try {
        const { size, mtimeMs } = statSync(dependency.path);
        if (size !== dependency.size || mtimeMs !== dependency.mtimeMs) return undefined;
      } catch {
        return undefined;
      }
    }
    return output;
  }

  set(job: MarkdownJob, output: MarkdownOutput): void {
    const file = this.fileFor(job);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a build killed mid-write never leaves half a result.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(output));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written (read-only disk) only costs speed next time.
    }
  }
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownJob, MarkdownOutput } from './process-markdown.ts';

/** Where results live between builds; `node_modules/.cache` is where tools keep caches by convention. */
export const DEFAULT_CACHE_DIR = path.resolve('node_modules/.cache/quire/markdown');

/** The `src/` folder this module is in (test runners may give modules non-file URLs). */
const sourceRoot = () => (import.meta.url.startsWith('file:') ? fileURLToPath(new URL('..', import.meta.url)) : path.resolve('src'));

/**
 * The code that decides what a post's markdown becomes (`MarkdownOutput`): the pipeline, its
 * components and the build's processing step. Other build code (reading front matter, writing
 * data files) does not change a cached result, so editing it does not empty the cache.
 */
const PIPELINE_SOURCES = [
  'markdown',
  'components',
  'build/process-markdown.ts',
  'build/analyse-markdown.ts',
  'build/languages.ts',
  'build/local-files.ts',
  'build/render-html.ts',
];

function listSources(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return [entry];
  return (readdirSync(entry, { recursive: true }) as string[])
    .filter((name) => /\.(ts|tsx)$/.test(name))
    .sort()
    .map((name) => path.join(entry, name));
}

let version: string | undefined;

/**
 * The pipeline's version: a hash of its code and of the locked dependencies, so a cached page is
 * never served by a build whose markdown handling has changed, and nobody has to remember a bump.
 */
function pipelineVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const srcDir = sourceRoot();
  for (const source of PIPELINE_SOURCES) {
    for (const file of listSources(path.join(srcDir, source))) hash.update(path.relative(srcDir, file)).update(readFileSync(file));
  }
  const lock = path.join(srcDir, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  version = hash.digest('hex').slice(0, 16);
  return version;
}

/**
 * Results of the markdown pipeline keyed by everything that went in, checked against their files
 * on the way out. Kept on disk between builds and in memory for the life of the instance, so the
 * dev server's reload after a save reads nothing but the changed post.
 */
export class MarkdownCache {
  private readonly memory = new Map<string, MarkdownOutput>();

  constructor(private readonly dir: string) {}

  private fileFor(job: MarkdownJob): string {
    const key = createHash('sha256').update(pipelineVersion()).update(JSON.stringify(job)).digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached result for the job, unless a file it depends on has changed since. */
  get(job: MarkdownJob): MarkdownOutput | undefined {
    const file = this.fileFor(job);
    let output = this.memory.get(file);
    try {
      output ??= JSON.parse(readFileSync(file, 'utf8')) as MarkdownOutput;
    } catch {
      return undefined;
    }
    for (const dependency of output.dependencies) {
      // A file that was missing (a dead link) makes the result stale when it appears.
      if (dependency.size === -1) {
        if (existsSync(dependency.path)) return undefined;
        continue;
      }
      try {
        const { size, mtimeMs } = statSync(dependency.path);
        if (size !== dependency.size || mtimeMs !== dependency.mtimeMs) return undefined;
      } catch {
        return undefined;
      }
    }
    this.memory.set(file, output);
    return output;
  }

  /** Forgets the results held in memory (not those on disk). */
  clear(): void {
    this.memory.clear();
  }

  set(job: MarkdownJob, output: MarkdownOutput): void {
    const file = this.fileFor(job);
    this.memory.set(file, output);
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

// What is inside the JavaScript a first load downloads: a separate client `vite build` of the
// same content with a plugin that reads each chunk's modules (rendered bytes after tree-shaking
// and minification), grouped by package. Gzip bytes are the chunk's gzip -9 size shared out by
// rendered length, so a package's figure adds up to what the reader downloads.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { packageOf } from './parse.ts';

export interface ChunkModules {
  fileName: string;
  gzipBytes: number;
  modules: Array<{ id: string; renderedBytes: number }>;
}

export interface PackageSize {
  name: string;
  renderedBytes: number;
  gzipBytes: number;
}

/** Runs the client build (no output written) and returns every JS chunk's modules by file name. */
export async function collectChunks(repo: string, contentDir: string): Promise<Map<string, ChunkModules>> {
  const chunks = new Map<string, ChunkModules>();
  const collector: Plugin = {
    name: 'quire-bench-treemap',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = Object.entries(output.modules).map(([id, info]) => ({ id, renderedBytes: info.renderedLength }));
        chunks.set(output.fileName, { fileName: output.fileName, gzipBytes: gzipSync(output.code, { level: 9 }).length, modules });
      }
    },
  };
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-treemap-'));
  // The content plugin reads CONTENT_DIR when the config loads; put it back for what runs next.
  const previous = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  try {
    await build({
      root: repo,
      configFile: path.join(repo, 'vite.config.ts'),
      base: '/',
      logLevel: 'error',
      plugins: [collector],
      build: { outDir, write: false, emptyOutDir: false, reportCompressedSize: false },
    });
  } finally {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    rmSync(outDir, { recursive: true, force: true });
  }
  if (chunks.size === 0) throw new Error('bench: the treemap build produced no chunks');
  return chunks;
}

const stem = (fileName: string) => path.basename(fileName).replace(/-[\w-]{8}\.js$/, '');

/**
 * Sizes by package of the chunks a page fetched. A fetched file is matched by name, or by its name
 * without the hash when the two builds hashed differently.
 */
export function packagesOf(chunks: Map<string, ChunkModules>, fetchedPaths: string[], repo: string): { packages: PackageSize[]; unmatched: string[] } {
  const byStem = new Map([...chunks.values()].map((chunk) => [stem(chunk.fileName), chunk]));
  const sizes = new Map<string, PackageSize>();
  const unmatched: string[] = [];
  for (const fetched of fetchedPaths) {
    const name = fetched.replace(/^\//, '');
    const chunk = chunks.get(name) ?? byStem.get(stem(name));
    if (!chunk) {
      unmatched.push(fetched);
      continue;
    }
    const rendered = chunk.modules.reduce((sum, module) => sum + module.renderedBytes, 0) || 1;
    for (const module of chunk.modules) {
      const key = packageOf(module.id, repo);
      const size = sizes.get(key) ?? { name: key, renderedBytes: 0, gzipBytes: 0 };
      size.renderedBytes += module.renderedBytes;
      size.gzipBytes += (chunk.gzipBytes * module.renderedBytes) / rendered;
      sizes.set(key, size);
    }
  }
  return { packages: [...sizes.values()].sort((a, b) => b.gzipBytes - a.gzipBytes), unmatched };
}

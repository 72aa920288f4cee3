// The client and server bundles, kept between builds: they are made from the code alone (src/,
// index.html, public/, the configs and the locked packages), never from the content, so a build
// whose code has not changed since the last one takes them from here instead of bundling again.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/** What goes into the bundles, besides the base path and NODE_ENV: the code, the configs, the locked packages and the bundling script. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/bundle.ts'];

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return [entry];
  return (readdirSync(entry, { recursive: true }) as string[])
    .sort()
    .map((name) => path.join(entry, name))
    .filter((file) => statSync(file).isFile());
}

/** A hash of everything the bundles are made from. */
export function bundleKey(root: string, base: string): string {
  const hash = createHash('sha256')
    .update(base)
    .update(process.env.NODE_ENV ?? '');
  for (const source of SOURCES) {
    for (const file of files(path.join(root, source))) hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 20);
}

export type BundleKind = 'client' | 'server';

/** A file each bundle has once it is whole. */
const BUNDLE_ENTRY: Record<BundleKind, string> = { client: 'index.html', server: 'entry-server.js' };

/** Sets of bundles kept for older code. */
const KEPT = 4;

export class BundleCache {
  constructor(
    readonly dir: string,
    readonly key: string,
  ) {}

  /** Where the bundle of this kind is kept for the current code. */
  folder(kind: BundleKind): string {
    return path.join(this.dir, this.key, kind);
  }

  /** Whether the bundle of this kind was made whole for the current code. */
  has(kind: BundleKind): boolean {
    return existsSync(path.join(this.folder(kind), BUNDLE_ENTRY[kind]));
  }

  /**
   * Makes the bundles of these kinds, each in a folder of its own, and keeps them only once `make`
   * has succeeded, so a failed or interrupted build never leaves half a bundle to be taken for a
   * whole one.
   */
  async make(kinds: BundleKind[], make: (outDirs: Partial<Record<BundleKind, string>>) => Promise<unknown>): Promise<void> {
    const temporary = Object.fromEntries(kinds.map((kind) => [kind, `${this.folder(kind)}.tmp-${process.pid}`])) as Partial<Record<BundleKind, string>>;
    for (const dir of Object.values(temporary)) rmSync(dir, { recursive: true, force: true });
    try {
      await make(temporary);
      for (const kind of kinds) {
        // Another build of the same code may have kept its bundle first: that one stays, this goes.
        if (!existsSync(this.folder(kind))) renameSync(temporary[kind]!, this.folder(kind));
      }
    } finally {
      for (const dir of Object.values(temporary)) rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Marks the current bundles as just used and removes all but the few most recently used: older
   * code rarely comes back, while builds for two base paths in turn (the end-to-end tests) keep both.
   */
  prune(): void {
    if (!existsSync(this.dir)) return;
    const now = new Date();
    if (existsSync(path.join(this.dir, this.key))) utimesSync(path.join(this.dir, this.key), now, now);
    const kept = readdirSync(this.dir)
      .filter((name) => !name.includes('.tmp-'))
      .map((name) => ({ name, used: statSync(path.join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { name } of kept.slice(KEPT)) rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }
}

import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleCache, bundleKey } from '../../scripts/bundle-cache';

describe('the bundles kept between builds', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'quire-bundles-'));
    write('src/main.tsx', 'export {}');
    write('public/theme.js', '');
    write('index.html', '<html></html>');
    write('package-lock.json', '{}');
    write('content/posts/a.md', '# A');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['a source file changes', () => write('src/main.tsx', 'export const x = 1'), true],
    ['a source file is added', () => write('src/styles/new.css', 'a {}'), true],
    ['a public file changes', () => write('public/theme.js', '//'), true],
    ['the locked packages change', () => write('package-lock.json', '{"a":1}'), true],
    ['the bundling script changes', () => write('scripts/bundle.ts', '// other options'), true],
    ['a post changes', () => write('content/posts/a.md', '# B'), false],
    ['a post is added', () => write('content/posts/b.md', '# B'), false],
  ])('are made again when %s: %s', (_what, change, remade) => {
    const before = bundleKey(root, '/');
    change();
    expect(bundleKey(root, '/') !== before).toBe(remade);
  });

  it('are kept apart for each base path', () => {
    expect(bundleKey(root, '/')).not.toBe(bundleKey(root, '/blog/'));
  });

  it('keep bundles only when all asked for were made', async () => {
    const cache = new BundleCache(path.join(root, 'cache'), 'k1');
    await expect(
      cache.make(['client', 'server'], ({ client, server }) => {
        mkdirSync(client!, { recursive: true });
        writeFileSync(path.join(client!, 'index.html'), 'whole');
        mkdirSync(server!, { recursive: true });
        return Promise.reject(new Error('the bundler failed'));
      }),
    ).rejects.toThrow('the bundler failed');
    expect(cache.has('client')).toBe(false);
    expect(cache.has('server')).toBe(false);
    await cache.make(['client'], ({ client }) => {
      mkdirSync(client!, { recursive: true });
      writeFileSync(path.join(client!, 'index.html'), 'whole');
      return Promise.resolve();
    });
    expect(cache.has('client')).toBe(true);
  });

  it('keep the bundles of the four most recently used versions of the code', () => {
    const dir = path.join(root, 'cache');
    for (const [index, key] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) {
      mkdirSync(path.join(dir, key, 'client'), { recursive: true });
      const when = new Date(Date.UTC(2026, 0, 1 + index));
      // The oldest first.
      utimesSync(path.join(dir, key), when, when);
    }
    new BundleCache(dir, 'b').prune();
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((key) => existsSync(path.join(dir, key)))).toEqual(['b', 'd', 'e', 'f']);
  });
});

// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-build-'));
const build = (contentDir: string, outDir: string) => {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/build.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, QUIRE_QUIET: '1', BASE_PATH: '' },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  it('replaces the output only when every step succeeded, and names every broken post', { timeout: 120_000 }, () => {
    const content = path.join(work, 'content');
    const out = path.join(work, 'dist');
    cpSync(path.resolve('test/fixtures/blog'), content, { recursive: true });
    expect(build(content, out).code).toBe(0);
    const before = readFileSync(path.join(out, 'posts.json'), 'utf8');
    expect(existsSync(path.join(out, 'posts/oom-killer/index.html'))).toBe(true);

    writeFileSync(path.join(content, 'posts/broken.md'), '---\ntitle: Broken\ndate: yesterday\n---\nText.\n');
    writeFileSync(path.join(content, 'posts/untitled.md'), '---\ndate: 2024-01-01\n---\nText.\n');
    const failed = build(content, out);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/posts\/broken\.md:3:7: date: expected a date like 2021-05-01, got "yesterday"/);
    expect(failed.output).toMatch(/posts\/untitled\.md:\d+:\d+: title: /);
    expect(failed.output).toContain('was left as it was');
    expect(readFileSync(path.join(out, 'posts.json'), 'utf8')).toBe(before);
    expect(readdirSync(work).filter((name) => name.startsWith('.dist-'))).toEqual([]);
  });

  it('says in one line that feeds need the site url, and still builds', { timeout: 120_000 }, () => {
    const content = path.join(work, 'no-url');
    cpSync(path.resolve('test/fixtures/blog/posts'), path.join(content, 'posts'), { recursive: true });
    const result = build(content, path.join(work, 'no-url-dist'));
    expect(result.code).toBe(0);
    expect(result.output.split('\n').filter((line) => line.includes('`url`'))).toHaveLength(1);
    expect(existsSync(path.join(work, 'no-url-dist/rss.xml'))).toBe(false);
    expect(existsSync(path.join(work, 'no-url-dist/index.html'))).toBe(true);
  });
});

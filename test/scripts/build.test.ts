// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-build-'));
const build = (contentDir: string, outDir: string, env: Record<string, string> = {}) => {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/build.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, QUIRE_QUIET: '1', BASE_PATH: '', ...env },
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
    // Not quiet, so the size list is printed too.
    const result = build(content, path.join(work, 'no-url-dist'), { QUIRE_QUIET: '', CI: '' });
    expect(result.code).toBe(0);
    const notes = result.output.split('\n').filter((line) => line.includes('`url`'));
    expect(notes).toHaveLength(1);
    // The folder the author pointed CONTENT_DIR at, not the default content/.
    expect(notes[0]).toContain(`${path.relative(process.cwd(), path.join(content, 'site.yaml'))} has no`);
    expect(existsSync(path.join(work, 'no-url-dist/rss.xml'))).toBe(false);
    const home = readFileSync(path.join(work, 'no-url-dist/index.html'), 'utf8');
    expect(home).not.toMatch(/rss\.xml|atom\.xml|feed\.json/);
    // Paths in the size list and the summary are those of the output folder, never the staging one.
    expect(result.output).toMatch(/no-url-dist\/assets\/index-[\w-]+\.js/);
    expect(result.output).not.toContain('.dist-');
  });

  it('warns that an SVG cover makes a link preview social sites do not show', { timeout: 120_000 }, () => {
    const content = path.join(work, 'svg-cover');
    cpSync(path.resolve('test/fixtures/blog/posts'), path.join(content, 'posts'), { recursive: true });
    writeFileSync(path.join(content, 'site.yaml'), 'title: Covers\nurl: https://example.org\nimage: cover.svg\n');
    writeFileSync(path.join(content, 'cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const result = build(content, path.join(work, 'svg-cover-dist'));
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Warning: site\.yaml: image: cover\.svg is an SVG; social sites do not show SVG link previews/);
  });
});

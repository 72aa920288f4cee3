// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-moving-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const build = (contentDir: string, outDir: string) => {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/build.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, QUIRE_QUIET: '1', BASE_PATH: '' },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

const content = path.join(work, 'content');
const out = path.join(work, 'dist');
// As the build names files: relative to the working folder, unless that climbs out of it.
const relative = path.relative(process.cwd(), path.join(content, 'posts/old.md'));
const file = relative.startsWith('..') ? path.join(content, 'posts/old.md') : relative;
mkdirSync(path.join(content, 'posts'), { recursive: true });
writeFileSync(
  path.join(content, 'posts/old.md'),
  '---\ntitle: Old post\ndate: 2021-05-01\ntags: [Linux]\naliases: [/2021/05/old.html]\nsidebar_label: x\n---\nSee [the other one](/posts/no-such-post/) and ![a chart](chart.png).\n',
);
writeFileSync(path.join(content, 'site.yaml'), 'title: Moved\nurl: https://example.org\n');

describe('npm run build with dead links', () => {
  it('lists them after the build and builds, with the redirect pages, kept out of the sitemap', { timeout: 120_000 }, () => {
    const result = build(content, out);
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      [
        'The content has 2 warnings:',
        `${file}:8:5: expected a page or file of this site, got a link to "/posts/no-such-post/" which it does not have`,
        `${file}:8:47: image: expected an image at "chart.png" beside the post, got nothing there`,
      ].join('\n'),
    );
    expect(result.output).toContain(`${file}:6:16: ignored front matter field \`sidebar_label\` in 1 post; Quire does not use it`);
    const redirect = readFileSync(path.join(out, '2021/05/old.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/posts/old/">');
    expect(redirect).toContain('<link rel="canonical" href="https://example.org/posts/old/">');
    expect(existsSync(path.join(out, 'search/label/Linux/index.html'))).toBe(true);
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('https://example.org/posts/old/');
    expect(sitemap).not.toMatch(/old\.html|search\/label/);
  });

  it('fails on them with strict: true, as the same list and no stack trace, leaving the output as it was', { timeout: 120_000 }, () => {
    const before = readFileSync(path.join(out, 'posts.json'), 'utf8');
    writeFileSync(path.join(content, 'site.yaml'), 'title: Moved\nurl: https://example.org\nstrict: true\n');
    const result = build(content, out);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The content has 2 warnings:\n${file}:8:5: expected a page or file of this site`);
    expect(result.output).toContain('strict: true in site.yaml makes warnings fail the build.');
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(result.output).toContain('was left as it was');
    expect(readFileSync(path.join(out, 'posts.json'), 'utf8')).toBe(before);
  });
});

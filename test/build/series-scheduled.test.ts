// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataFiles } from '../../src/build/data-files';
import { loadContent } from '../../src/build/load-content';
import { siteRoutes } from '../../src/prerender/site-map';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-03-01T12:00:00Z');

function blog(posts: Record<string, string>) {
  const root = mkdtempSync(path.join(dir, 'blog-'));
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'site.yaml'), 'title: T\nurl: https://example.org\n');
  for (const [name, front] of Object.entries(posts)) writeFileSync(path.join(root, 'posts', `${name}.md`), `---\n${front}\n---\nText.\n`);
  return root;
}

/** A written file's text; the tests JSON.parse it where they read it. */
const text = (files: Map<string, string>, name: string) => files.get(name)!;

describe('series', () => {
  const root = blog({
    // Written out of order, with the series named in two spellings.
    triage: 'title: Triage\ndate: 2023-06-19\nseries: Memory triage',
    meminfo: 'title: Meminfo\ndate: 2023-03-06\nseries: Memory triage',
    malloc: 'title: Malloc\ndate: 2025-09-22T09:30:00Z\nseries: memory  Triage',
    other: 'title: Other\ndate: 2024-01-01',
  });
  const content = loadContent(root, { drafts: false, now: NOW });
  const files = buildDataFiles(content);

  it.each([
    ['meminfo', 0],
    ['triage', 1],
    ['malloc', 2],
  ])('%s is part %i+1 of the series, which lists every part oldest first', (slug, index) => {
    const post = JSON.parse(text(files, `data/posts/${slug}.json`));
    expect(post.series).toEqual({
      name: 'Memory triage',
      slug: 'memory-triage',
      parts: [
        { slug: 'meminfo', title: 'Meminfo' },
        { slug: 'triage', title: 'Triage' },
        { slug: 'malloc', title: 'Malloc' },
      ],
    });
    expect(post.series.parts[index].slug).toBe(slug);
  });

  it('keeps previous and next chronological, across the series and out of it', () => {
    const triage = JSON.parse(text(files, 'data/posts/triage.json'));
    expect([triage.prev?.slug, triage.next?.slug]).toEqual(['meminfo', 'other']);
  });

  it('writes the list of series and one file per series, and pages for both', () => {
    expect(JSON.parse(text(files, 'data/series.json')).series).toEqual([{ name: 'Memory triage', slug: 'memory-triage', count: 3 }]);
    expect(JSON.parse(text(files, 'data/series/memory-triage.json')).posts.map((post: { slug: string }) => post.slug)).toEqual(['meminfo', 'triage', 'malloc']);
    expect(JSON.parse(text(files, 'data/posts/other.json')).series).toBeUndefined();
    const routes = siteRoutes({
      manifest: JSON.parse(text(files, 'posts.json')),
      pageCount: 1,
      tags: [],
      about: false,
      series: JSON.parse(text(files, 'data/series.json')).series,
    }).map((route) => route.path);
    expect(routes).toEqual(expect.arrayContaining(['/series/', '/series/memory-triage/']));
  });

  it('names an empty series name as a problem of its file and line', () => {
    const broken = blog({ empty: 'title: E\ndate: 2021-01-01\nseries: "  "' });
    expect(() => loadContent(broken, { drafts: false, cwd: broken })).toThrow(/posts\/empty\.md:4:\d+: series: expected a series name, got an empty string/);
  });
});

describe('scheduled posts', () => {
  const root = blog({
    published: 'title: Published\ndate: 2026-02-28',
    // Later the same day as "now", and next year.
    tonight: 'title: Tonight\ndate: 2026-03-01T18:00:00Z\ntags: [later]',
    next: 'title: Next year\ndate: 2027-01-05\ntags: [later]',
  });

  it.each([
    ['2026-03-01T12:00:00Z', ['published'], ['posts/tonight.md (2026-03-01T18:00:00Z)', 'posts/next.md (2027-01-05)']],
    ['2026-03-01T18:00:00Z', ['tonight', 'published'], ['posts/next.md (2027-01-05)']],
    ['2027-01-05T00:00:01Z', ['next', 'tonight', 'published'], []],
  ])('at %s a production build publishes %j and names the rest', (now, slugs, held) => {
    const content = loadContent(root, { drafts: false, now: Date.parse(now), cwd: root });
    expect(content.posts.map((post) => post.meta.slug)).toEqual(slugs);
    expect(content.scheduled!.map(({ file, date }) => `${file} (${date})`).sort()).toEqual([...held].sort());
  });

  it('leaves a scheduled post out of every file: manifest, pages, tags, search, its own data', () => {
    const files = buildDataFiles(loadContent(root, { drafts: false, now: NOW }));
    expect([...files.keys()].filter((name) => /tonight|next/.test(name))).toEqual([]);
    for (const [name, text] of files) expect(text, name).not.toMatch(/Tonight|Next year/);
    expect(files.has('data/tags/later/1.json')).toBe(false);
  });

  it('shows it in the dev server, marked scheduled', () => {
    const content = loadContent(root, { drafts: true, now: NOW });
    const marked = content.posts.map((post) => [post.meta.slug, post.meta.scheduled ?? false]);
    expect(marked).toEqual([
      ['next', true],
      ['tonight', true],
      ['published', false],
    ]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/build/problems';
import { loadPost, readPost } from '../../src/build/read-post';

const CONTENT = path.resolve(__dirname, '../fixtures/generators/hugo');

/** Reads one post from text, named `name` inside a content folder (the file need not exist). */
function load(front: string, name = 'post.md') {
  const file = path.join(CONTENT, 'posts', name);
  return loadPost(`---\n${front}\n---\nText.\n`, { path: file, contentDir: CONTENT, file: `posts/${name}` });
}

function meta(front: string, name?: string) {
  const result = load(front, name);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.post.meta;
}

describe('front matter from other generators', () => {
  it.each([
    // [what, front matter, file name, expected fields]
    [
      'Quire as written',
      'title: T\ndate: 2021-05-01\nupdated: 2021-06-01\ndescription: D\ntags: [a, b]',
      'p.md',
      { date: '2021-05-01', updated: '2021-06-01', excerpt: 'D', tags: ['a', 'b'] },
    ],
    [
      'Astro pubDate, updatedDate',
      'title: T\npubDate: 2022-07-08T10:00:00Z\nupdatedDate: 2022-07-10',
      'p.md',
      { date: '2022-07-08T10:00:00Z', updated: '2022-07-10' },
    ],
    [
      "the Astro template's Jul 08 2022",
      "title: T\npubDate: 'Jul 08 2022'\nupdatedDate: 'July 10, 2022'",
      'p.md',
      { date: '2022-07-08', updated: '2022-07-10' },
    ],
    [
      'AstroPaper pubDatetime, modDatetime',
      'title: T\npubDatetime: 2022-09-23T15:22:00Z\nmodDatetime: 2023-12-21T09:12:47.400Z',
      'p.md',
      { date: '2022-09-23T15:22:00Z', updated: '2023-12-21T09:12:47.400Z' },
    ],
    ['publishDate', 'title: T\npublishDate: 2020-01-02', 'p.md', { date: '2020-01-02' }],
    ['Hugo lastmod and summary', 'title: T\ndate: 2021-05-01\nlastmod: 2021-05-02\nsummary: S', 'p.md', { updated: '2021-05-02', excerpt: 'S' }],
    ['excerpt as the description', 'title: T\ndate: 2021-05-01\nexcerpt: E', 'p.md', { excerpt: 'E' }],
    ['date before pubDate', 'title: T\ndate: 2021-05-01\npubDate: 2020-01-01', 'p.md', { date: '2021-05-01' }],
    ['updated before lastmod', 'title: T\ndate: 2021-05-01\nupdated: 2021-07-01\nlastmod: 2021-06-01', 'p.md', { updated: '2021-07-01' }],
    ['description before summary', 'title: T\ndate: 2021-05-01\ndescription: D\nsummary: S', 'p.md', { excerpt: 'D' }],
    ["Jekyll's date with a space and an offset", 'title: T\ndate: 2021-05-01 10:30:00 +0200', 'p.md', { date: '2021-05-01T10:30:00+02:00' }],
    ["the date from Jekyll's file name", 'title: T', '2020-11-20-oom-notes.md', { date: '2020-11-20', slug: 'oom-notes' }],
    ['a date field over the file name', 'title: T\ndate: 2021-01-01', '2020-11-20-oom-notes.md', { date: '2021-01-01', slug: 'oom-notes' }],
    ['categories merged into tags', 'title: T\ndate: 2021-05-01\ntags: [a]\ncategories: [b, a]', 'p.md', { tags: ['a', 'b'] }],
    ['categories alone', 'title: T\ndate: 2021-05-01\ncategories: [linux]', 'p.md', { tags: ['linux'] }],
    ['one string is one tag', 'title: T\ndate: 2021-05-01\ntags: Page Cache', 'p.md', { tags: ['Page Cache'] }],
    ['a string with commas splits on commas', 'title: T\ndate: 2021-05-01\ntags: Page Cache, memory', 'p.md', { tags: ['Page Cache', 'memory'] }],
    ["Jekyll's space-separated string", 'title: T\ntags: linux memory\ncategories: kernel', '2021-05-01-p.md', { tags: ['linux', 'memory', 'kernel'] }],
    ["Jekyll's published: false", 'title: T\ndate: 2021-05-01\npublished: false', 'p.md', { draft: true }],
    ['AstroPaper draft', 'title: T\npubDatetime: 2021-05-01T00:00:00Z\ndraft: true', 'p.md', { draft: true }],
    ["Astro's heroImage from the site root", 'title: T\ndate: 2021-05-01\nheroImage: /images/diagram-6.svg', 'p.md', { image: 'media/images/diagram-6.svg' }],
    ['harmless fields accepted', 'title: T\ndate: 2021-05-01\nkeywords: [a]\nauthors: [me]\nlayout: post\nweight: 3', 'p.md', { title: 'T' }],
  ] as const)('%s', (_what, front, name, expected) => {
    expect(meta(front, name)).toMatchObject(expected);
  });

  it.each([
    // [what, front matter, file name, expected problem]
    ['a bad pubDate, named as written', 'title: T\npubDate: yesterday', 'p.md', 'posts/p.md:3:10: date: expected a date like 2021-05-01, got "yesterday"'],
    ['a bad lastmod', 'title: T\ndate: 2021-05-01\nlastmod: soon', 'p.md', 'posts/p.md:4:10: updated: expected a date like 2021-05-01, got "soon"'],
    ['no date anywhere', 'title: T', 'p.md', 'posts/p.md:2:1: date: expected a date like 2021-05-01, got nothing'],
    [
      'categories that are not tags',
      'title: T\ndate: 2021-05-01\ncategories: {a: 1}',
      'p.md',
      'posts/p.md:4:13: tags: expected a list of tags like [linux, memory], got object',
    ],
    [
      'an alias that is not a path',
      'title: T\ndate: 2021-05-01\naliases: [old-name]',
      'p.md',
      'posts/p.md:4:11: aliases.0: expected a path from the site root like /2021/05/old-post.html, got "old-name"',
    ],
    [
      'an alias that climbs',
      'title: T\ndate: 2021-05-01\naliases: /a/../../etc',
      'p.md',
      'posts/p.md:4:10: aliases.0: expected a path from the site root like /2021/05/old-post.html, got "/a/../../etc"',
    ],
  ] as const)('refuses %s', (_what, front, name, expected) => {
    const result = load(front, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem)).toContain(expected);
  });

  it("reads AstroPaper's empty ogImage as no image, not a broken one", () => {
    expect(meta('title: T\ndate: 2021-05-01\nogImage: ""')).not.toHaveProperty('image');
  });

  it('lists the fields it ignores, apart from the harmless ones, with their places', () => {
    const file = path.join(CONTENT, 'posts', 'p.md');
    const read = readPost('---\ntitle: T\ndate: 2021-05-01\nsidebar_label: [x]\nlayout: post\ncanonicalURL: https://x\n---\n', {
      path: file,
      contentDir: CONTENT,
      file: 'p.md',
    });
    expect(read.ignored).toEqual([
      { field: 'sidebar_label', line: 4, column: 16 },
      { field: 'canonicalURL', line: 6, column: 15 },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/build/front-matter';
import { formatProblem } from '../../src/build/problems';
import { loadPost } from '../../src/build/read-post';
import type { PostMeta } from '../../src/content/schema';

/** A content folder of one post per case: valid, converted and invalid front matter. */
const FIXTURES = path.resolve(__dirname, '../fixtures/front-matter');

function read(name: string) {
  const file = path.join(FIXTURES, 'posts', name);
  return loadPost(readFileSync(file, 'utf8'), { path: file, contentDir: FIXTURES, file: `content/posts/${name}` });
}

function readMeta(name: string): PostMeta {
  const result = read(name);
  if (!result.ok) throw new Error(`expected ${name} to be valid, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.post.meta;
}

/** The formatted problems of a file that must fail. */
function problemsOf(name: string): string[] {
  const result = read(name);
  if (result.ok) throw new Error(`expected ${name} to fail, got a post`);
  return result.problems.map(formatProblem);
}

describe('front matter that is valid as written', () => {
  it.each([
    ['valid-minimal.md', { slug: 'valid-minimal', title: 'The smallest post', date: '2021-05-01', tags: [], featured: false, excerpt: 'Just a line.' }],
    [
      'valid-full.md',
      {
        slug: 'every-field',
        title: 'Every field set',
        date: '2021-05-01',
        updated: '2021-06-01',
        tags: ['linux', 'memory'],
        featured: true,
        excerpt: 'Written by hand.',
      },
    ],
    ['bom.md', { slug: 'bom', title: 'Starts with a byte order mark' }],
    ['crlf.md', { slug: 'crlf', title: 'Windows line endings', tags: ['windows'], excerpt: 'First line. Second paragraph.' }],
    ['tabs.md', { slug: 'tabs', title: 'Tabs after the colon' }],
    ['Привет мир.md', { slug: 'привет-мир', title: 'Привет, мир', tags: ['ядро', 'память'], excerpt: 'Текст на русском языке.' }],
    ['日本語の記事.md', { slug: '日本語の記事', title: '日本語のタイトル', tags: ['カーネル'] }],
  ] as const)('%s', (name, expected) => {
    expect(readMeta(name)).toMatchObject(expected);
  });

  // Scripts that need combining marks (Devanagari, Thai) and Japanese words with ー or 々.
  it.each([
    ['हिन्दी.md', 'हिन्दी'],
    ['ที่นี่.md', 'ที่นี่'],
    ['ラーメン.md', 'ラーメン'],
    ['人々.md', '人々'],
  ])('takes the slug of %s from its name', (name, slug) => {
    const file = path.join(FIXTURES, 'posts', name);
    const result = loadPost('---\ntitle: T\ndate: 2021-05-01\n---\nText.\n', { path: file, contentDir: FIXTURES, file: name });
    expect(result.ok && result.post.meta.slug).toBe(slug);
  });

  it('ignores keys it does not know, so posts from other generators build', () => {
    expect(readMeta('valid-full.md')).not.toHaveProperty('layout');
  });

  it('turns off the table of contents with toc: false', () => {
    const result = read('valid-full.md');
    expect(result.ok && result.post.toc).toBe(false);
  });
});

describe('front matter that is converted', () => {
  it.each([
    ['date-time.md', 'accepts a full date-time', { date: '2021-05-01T10:30:00Z' }],
    ['date-time-offset.md', 'accepts a date-time with an offset or none', { date: '2021-05-01T10:30:00+02:00', updated: '2021-05-02T08:00' }],
    ['tags-deduped.md', 'trims tags and drops repeats, keeping the first order', { tags: ['linux', 'memory'] }],
    ['tags-one-string.md', 'takes a single string as a list of one tag', { tags: ['Page Cache'] }],
    ['Slug From-File NAME.md', 'takes the slug from the file name, lower-cased', { slug: 'slug-from-file-name' }],
    ['slug-from-folder/index.md', 'takes the slug from the folder of an index.md', { slug: 'slug-from-folder' }],
    ['valid-full.md', 'takes the slug from slug: over the file name', { slug: 'every-field' }],
    ['valid-full.md', 'resolves a relative image to its published path', { image: 'media/posts/diagram.svg' }],
    ['unicode-slug.md', 'normalises a decomposed (NFD) slug: to its composed form', { slug: 'caf\u00e9-cr\u00e8me' }],
    ['cafe\u0301 decomposed.md', 'normalises a decomposed file name to a composed slug', { slug: 'caf\u00e9-decomposed' }],
    ['fullwidth-slug.md', 'normalises full-width letters in slug: to ASCII', { slug: 'full-width' }],
    ['description-front-matter.md', 'takes the description from the front matter, trimmed, over the more marker', { excerpt: 'From the front matter.' }],
    ['description-empty.md', 'falls back to the lead paragraph when the description is empty', { excerpt: 'The lead paragraph stands in.' }],
    [
      'description-more.md',
      'takes every paragraph before <!-- more --> as plain text, raw HTML left out',
      { excerpt: 'The lead paragraph, with HTML left out. A second one.' },
    ],
  ] as const)('%s: %s', (name, _behaviour, expected) => {
    expect(readMeta(name)).toMatchObject(expected);
  });

  it('measures images beside an index.md so the page reserves their space', () => {
    const result = read('slug-from-folder/index.md');
    expect(result.ok && result.post.images).toEqual({ 'diagram.svg': { width: 40, height: 20 } });
  });

  it('cuts a derived excerpt at 60 whole words, never inside a word, and marks the cut', () => {
    const { excerpt } = readMeta('description-sixty-words.md');
    const words = excerpt.replace(/…$/, '').split(' ');
    expect(excerpt).toMatch(/ word60…$/);
    expect(words).toHaveLength(60);
    expect(words.every((word, index) => word === `word${index + 1}`)).toBe(true);
  });

  it('keeps a __proto__ key as plain data: no prototype of anything changes', () => {
    const source = readFileSync(path.join(FIXTURES, 'posts/proto-key.md'), 'utf8');
    const read = readFrontMatter(source, 'proto-key.md');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.getPrototypeOf(read.block.data)).toBe(Object.prototype);
    expect(Object.hasOwn(read.block.data, '__proto__')).toBe(true);
    expect(read.block.data.__proto__).toEqual({ polluted: true });
    expect(readMeta('proto-key.md')).toMatchObject({ title: 'A __proto__ key' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('front matter that is refused, with the place and the reason', () => {
  it.each([
    ['missing-title.md', ['2:1: title: expected a title, got nothing']],
    ['bad-date.md', ['3:7: date: expected a date like 2021-05-01, got "yesterday"']],
    ['impossible-date.md', ['3:7: date: expected a date like 2021-05-01, got "2021-02-31"']],
    [
      'wrong-types.md',
      [
        '2:8: title: expected a title, got number',
        '4:7: tags: expected a list of tags like [linux, memory], got number',
        '5:8: draft: expected true or false, got "yes"',
        '6:11: featured: expected true or false, got "yes"',
      ],
    ],
    ['empty-tag.md', ['4:15: tags.1: expected a tag, got an empty string']],
    ['list-front-matter.md', ['2:1: front matter: expected fields like "title: My post", got a single value or a list']],
    ['scalar-front-matter.md', ['2:1: front matter: expected fields like "title: My post", got a single value or a list']],
    ['empty-front-matter.md', ['2:1: front matter: expected fields like "title: My post", got nothing']],
    ['unterminated.md', ['1:1: front matter: expected a closing --- line, got the end of the file']],
    ['no-front-matter.md', ['1:1: front matter: expected the file to start with a --- line, got "# Just markdown"']],
    ['duplicate-keys.md', ['4:1: front matter: expected each field once, got "title" again']],
    ['custom-tag.md', ['2:8: front matter: expected plain values (text, numbers, true/false, lists), got the tag !!js/function']],
    ['undefined-alias.md', ['2:8: front matter: expected an anchor &nowhere before the alias *nowhere, got none']],
    ['tab-indent.md', ['5:1: front matter: expected spaces for indentation, got a tab']],
    ['slug-uppercase.md', ['4:7: slug: expected lower-case letters, digits and single hyphens, got "Hello-World"']],
    ['slug-climbs.md', ['4:7: slug: expected lower-case letters, digits and single hyphens, got "../../etc/passwd"']],
    ['slug-zero-width.md', ['4:7: slug: expected lower-case letters, digits and single hyphens, got "ab\\u{200b}cd"']],
    ['slug-invisible.md', ['4:7: slug: expected visible letters, digits and hyphens, got "\\u{1160}" which contains the invisible character U+1160']],
    [
      '!!!.md',
      ['1:1: slug: expected a file name that makes a URL slug (letters, digits, hyphens), got "!!!.md"; rename the file or set slug: in the front matter'],
    ],
    ['image-javascript.md', ['4:8: image: expected a relative path or an http(s) URL, got "JaVaScRiPt:alert(1)"']],
    ['image-data.md', ['4:8: image: expected a relative path or an http(s) URL, got "data:image/svg+xml,<svg onload=alert(1)>"']],
    ['image-climbs.md', ['4:8: image: expected a path inside the content folder, got "../../blog/posts/with-image/diagram.svg"']],
    ['image-encoded-climb.md', ['4:8: image: expected a path inside the content folder, got "%2e%2e/%2E%2E/blog/posts/with-image/diagram.svg"']],
    [
      'links-climb.md',
      [
        '5:3: link: expected a path inside the content folder, got "../../../../../../etc/passwd"',
        '5:51: image: expected a path inside the content folder, got "%2e%2e/%2e%2e/blog/site.yaml"',
        '6:7: link: expected a path inside the content folder, got "..%2F..%2Fblog%2Fsite.yaml"',
        '8:1: link: expected a path inside the content folder, got "../../blog/site.yaml"',
      ],
    ],
    [
      'links-refused.md',
      [
        '5:1: link: expected a file other than markdown, got "valid-minimal.md"; link to posts as /posts/SLUG',
        '6:1: link: expected a relative path, got "java\\tscript:alert(1)" which a browser reads as a URL scheme',
        '6:52: link: expected a valid relative URL, got "a%00b.png" which contains a NUL character',
        '7:1: link: expected a relative path, got "java\\nscript:alert(1)" which a browser reads as a URL scheme',
        '7:50: link: expected a relative path, got " javascript:alert(1)" which a browser reads as a URL scheme',
      ],
    ],
    ['crlf-positions.md', ['3:7: date: expected a date like 2021-05-01, got "2021-13-01"']],
  ] as const)('%s', (name, expected) => {
    expect(problemsOf(name)).toEqual(expected.map((problem) => `content/posts/${name}:${problem}`));
  });

  it('refuses a billion-laughs alias bomb quickly, naming the limit', () => {
    const started = performance.now();
    const [problem] = problemsOf('billion-laughs.md');
    expect(performance.now() - started).toBeLessThan(500);
    expect(problem).toMatch(
      /^content\/posts\/billion-laughs\.md:2:1: front matter: expected plain data, got aliases that expand too far .*at most 50 are allowed$/,
    );
  });

  it('refuses YAML nested thousands deep with a message, not a stack overflow', () => {
    const [problem] = problemsOf('deep-yaml.md');
    expect(problem).toMatch(/^content\/posts\/deep-yaml\.md:4:\d+: front matter: expected front matter nested a few levels deep, got nesting too deep to read/);
  });
});

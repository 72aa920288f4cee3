import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/build/problems';
import { loadPost } from '../../src/build/read-post';
import { dataFiles } from '../../src/content/files';
import { SLUG_PATTERN, postMetaSchema } from '../../src/content/schema';
import { tagSlug } from '../../src/content/tags';

const CONTENT = path.resolve(__dirname, '../fixtures/front-matter');
const FILE = 'content/posts/generated.md';

const KEYS = [
  'title',
  'date',
  'updated',
  'description',
  'tags',
  'draft',
  'featured',
  'slug',
  'image',
  'toc',
  '__proto__',
  'constructor',
  '<<',
  '? x',
  '"quoted key"',
];
const VALUES = [
  'A title',
  '2021-05-01',
  '2021-02-31',
  '2021-05-01T10:00:00Z',
  'yesterday',
  '[linux, memory]',
  '[a, a, " a "]',
  '{a: 1}',
  '&anchor value',
  '*anchor',
  '*undefined',
  '!!js/function "function () {}"',
  '!custom x',
  '"unterminated',
  "'single'",
  '|',
  '>',
  'true',
  'yes',
  '5',
  '-1.5e3',
  'null',
  '~',
  '',
  '../x',
  'Hello-World',
  'ok-slug',
  'café',
  'caf\u00e9',
  'ａｂｃ',
  '\u3164',
  'a\u200bb',
  'javascript:alert(1)',
  'https://example.org/x.png',
  './missing.png',
  '%2e%2e/%2e%2e/etc/passwd',
  '</script><script>alert(1)</script>',
  '"\\u2028"',
  '[[[[[[[[',
  ']]]',
  '{{{',
  '- a',
  'a: b: c',
  '\t',
];
const LINES = [
  '---',
  '...',
  '  - item',
  '\t- tab',
  '# comment',
  '',
  'just text',
  '[a, b',
  '? complex',
  ': value',
  '%YAML 1.2',
  '&a [x, x, x]',
  'b: [*a, *a, *a]',
];

const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([key, value]) => `${key}: ${value}`) },
  { weight: 1, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const body = fc.array(
  fc.oneof(
    fc.constantFrom('Text.', '[a](../../../etc/passwd)', '![b](%2e%2e/x.png)', '> '.repeat(40), '- - - x', '<!-- more -->', '\n'),
    fc.string({ maxLength: 10 }),
  ),
  {
    maxLength: 8,
  },
);
/** Whole files: usually fenced front matter, sometimes not; LF, CRLF or CR; sometimes a BOM. */
const source = fc
  .record({
    bom: fc.boolean(),
    open: fc.constantFrom('---', '---', '---', '---', '--- ', '', '----'),
    // Half the files start from a valid title and date, so accepted posts are generated too.
    valid: fc.boolean(),
    lines: fc.array(line, { maxLength: 6 }),
    close: fc.constantFrom('---', '---', '---', '...', ''),
    body,
    newline: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  })
  .map(
    ({ bom, open, valid, lines, close, body, newline }) =>
      (bom ? '\uFEFF' : '') + [open, ...(valid ? ['title: A title', 'date: 2021-05-01'] : []), ...lines, close, ...body].join(newline),
  );

describe('loadPost over generated files', () => {
  it('returns a valid post, or problems that each name the file, a real line and column, and a reason', () => {
    fc.assert(
      fc.property(source, fc.constantFrom('generated.md', 'Généré.md', 'index.md', '!!!.md'), (text, name) => {
        const result = loadPost(text, { path: path.join(CONTENT, 'posts', name), contentDir: CONTENT, file: FILE });
        if (result.ok) {
          expect(postMetaSchema.safeParse(result.post.meta).success).toBe(true);
          expect(result.post.meta.slug).toMatch(SLUG_PATTERN);
          expect(result.post.meta.title.trim()).not.toBe('');
          return;
        }
        const lineCount = text.split(/\r\n|\r|\n/).length;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.file).toBe(FILE);
          expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount + 1).toBe(true);
          expect(Number.isInteger(problem.column) && problem.column >= 1).toBe(true);
          expect(problem.message).toMatch(/^expected /);
          // One problem, one line, nothing a terminal would act on.
          // eslint-disable-next-line no-control-regex
          expect(formatProblem(problem)).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never changes a prototype, whatever the keys', () => {
    fc.assert(
      fc.property(source, (text) => {
        loadPost(text, { path: path.join(CONTENT, 'posts/generated.md'), contentDir: CONTENT, file: FILE });
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe('output paths', () => {
  const root = path.resolve('/site/dist');
  const inside = (file: string) => {
    const resolved = path.resolve(root, file);
    // (?![\x7f-\x9f])\p{Cc}: the C0 controls, U+0000 to U+001F.
    return resolved.startsWith(root + path.sep) && !file.includes('\\') && !/(?![\x7f-\x9f])\p{Cc}/u.test(file);
  };

  it('keeps every tag page inside the site, whatever the tag', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('..', '../..', '/etc', 'a/../../b', '\\..\\', '.', '%2e%2e', '\u0000', 'CON', '~')),
        (tag) => {
          const slug = tagSlug(tag);
          expect(slug).not.toBe('');
          expect(slug).not.toMatch(/^\.+$/);
          expect(slug).not.toMatch(/[/\\]/);
          expect(inside(dataFiles.tagPage(slug, 1))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps every post file inside the site: an accepted slug is letters, digits, their marks and hyphens', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('../x', 'a/b', '..', 'a\\b', '%2e%2e', 'ok', 'ა̀')), (slug) => {
        const result = loadPost(`---\ntitle: T\ndate: 2021-05-01\nslug: ${JSON.stringify(slug)}\n---\n`, {
          path: path.join(CONTENT, 'posts/generated.md'),
          contentDir: CONTENT,
          file: FILE,
        });
        if (!result.ok) return;
        // The slug's own pattern: it allows the combining marks of Devanagari or Thai (and of 'ა̀').
        expect(result.post.meta.slug).toMatch(SLUG_PATTERN);
        expect(result.post.meta.slug).not.toMatch(/[/\\.%]/);
        expect(inside(dataFiles.post(result.post.meta.slug))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

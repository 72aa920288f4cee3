import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMarkdownLimits } from '../../src/build/analyse-markdown';
import { formatProblem } from '../../src/build/problems';
import { type PostLimits, loadPost } from '../../src/build/read-post';

const CONTENT = path.resolve(__dirname, '../fixtures/front-matter');
const HEAD = '---\ntitle: Hostile\ndate: 2021-05-01\n---\n';
/** The first body line is line 5 of the file. */
const BODY_LINE = 5;

/** Reads a post with `body` under the front matter; returns its formatted problems (none when it builds) and the time taken. */
function build(body: string, limits?: Partial<PostLimits>) {
  const started = performance.now();
  const result = loadPost(HEAD + body, { path: path.join(CONTENT, 'posts/hostile.md'), contentDir: CONTENT, file: 'content/posts/hostile.md', limits });
  const ms = performance.now() - started;
  return { ms, problems: result.ok ? [] : result.problems.map(formatProblem), result };
}

/** Fast enough to not notice in a build, slow enough that a loaded CI machine still passes. */
const QUICK_MS = 1500;

describe('size and nesting limits on a post', () => {
  it('refuses a 5 MB post at once, naming the limit', () => {
    const { ms, problems } = build('All work and no play makes Jack a dull boy.\n\n'.repeat(Math.ceil((5 * 1024 * 1024) / 45)));
    expect(problems).toEqual(['content/posts/hostile.md:1:1: expected a post of at most 256 KiB, got 5.0 MiB; split it into several posts']);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it.each([
    ['10,000 nested blockquotes', '> '.repeat(10_000) + 'x', 1],
    ['10,000 nested blockquotes without spaces', '>'.repeat(10_000) + 'x', 1],
    ['10,000 nested list items', '- '.repeat(10_000) + 'x', 1],
    ['10,000 nested ordered list items', '1. '.repeat(10_000) + 'x', 1],
    ['lists and quotes, 5,000 each', '> - '.repeat(5000) + 'x', 1],
    ['a list indented 300 levels', Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n'), 50],
    ['10,000 nested emphasis markers', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`, 1],
    ['10,000 nested emphasis words', `${'*a '.repeat(10_000)}x${' a*'.repeat(10_000)}`, 1],
    ['10,000 alternating emphasis markers', `${'*_'.repeat(5000)}x${'_*'.repeat(5000)}`, 1],
    ['10,000 nested links', `${'['.repeat(10_000)}x${'](y)'.repeat(10_000)}`, 1],
    ['openers never closed by their own kind', '*a a_ '.repeat(10_000), 1],
    ['nesting that escapes a fence by leaving its blockquote', `> \`\`\`\n${'[a '.repeat(10_000)}`, 2],
  ])('refuses %s quickly, at the line where it gets too deep', (_name, body, line) => {
    const { ms, problems } = build(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^content/posts/hostile\\.md:${BODY_LINE + line - 1}:\\d+: expected markdown nested at most 50 levels deep, got about \\d+ \\(lists, quotes, emphasis or links inside each other\\)$`,
      ),
    );
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('refuses a paragraph of 20,000 references quickly, since parsing it would take minutes', () => {
    const { ms, problems } = build('a[x] '.repeat(20_000));
    expect(problems).toEqual([
      'content/posts/hostile.md:5:2502: expected at most 500 links or brackets in one paragraph, got more; split the paragraph or the table',
    ]);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('refuses more than 2,000 list items, quotes and footnotes in a post, since parse time grows with their square', () => {
    const { ms, problems } = build('- item\n\nA paragraph between lists.\n\n'.repeat(3000));
    expect(problems).toEqual([
      'content/posts/hostile.md:8005:1: expected at most 2000 list items, blockquotes and footnotes in one post, got more; split it into several posts',
    ]);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('counts a table as one paragraph: a table of more than 500 links is refused, asking to split it', () => {
    expect(build(`| a | b |\n| - | - |\n${'| **x** | [y](https://example.org) |\n'.repeat(501)}`).problems).toEqual([
      'content/posts/hostile.md:507:11: expected at most 500 links or brackets in one paragraph, got more; split the paragraph or the table',
    ]);
  });

  it('measures the exact depth after parsing, for nesting the estimate lets through', () => {
    const { problems } = build(`${'>'.repeat(49)} x`);
    expect(problems).toEqual([
      `content/posts/hostile.md:5:51: expected markdown nested at most 50 levels deep, got 51 (lists, quotes, emphasis or links inside each other)`,
    ]);
  });

  it('takes the limits from the caller', () => {
    expect(build('> > > > x', { maxDepth: 4 }).problems).toEqual([
      'content/posts/hostile.md:5:9: expected markdown nested at most 4 levels deep, got about 6 (lists, quotes, emphasis or links inside each other)',
    ]);
    expect(build('x', { maxBytes: 10 }).problems).toEqual([
      'content/posts/hostile.md:1:1: expected a post of at most 1 KiB, got 1 KiB; split it into several posts',
    ]);
  });

  it.each([
    ['30 nested blockquotes', '> '.repeat(30) + 'x'],
    ['a list nested 8 levels by indentation', Array.from({ length: 8 }, (_, level) => `${'    '.repeat(level)}1. x`).join('\n')],
    ['a paragraph of 400 links', '[a](https://example.org) '.repeat(400)],
    ['a list of 1,500 items', '- item\n'.repeat(1500)],
    ['a table of 400 rows with bold cells and links', `| a | b |\n| - | - |\n${'| **x** | [y](https://example.org) |\n'.repeat(400)}`],
    ['code blocks full of brackets and stars', `\`\`\`c\n${'a[i][j] = *p++ * b[k];\n'.repeat(2000)}\`\`\`\n`],
    ['a thematic break of spaced dashes', '- '.repeat(300)],
    ['snake_case and 2*3*4 inside words', 'call some_function_name with 2*3*4 '.repeat(500)],
  ])('accepts %s', (_name, body) => {
    const { problems } = build(body);
    expect(problems).toEqual([]);
  });
});

describe('checkMarkdownLimits', () => {
  it('is linear: a megabyte of nesting is judged in well under a second', () => {
    const started = performance.now();
    expect(checkMarkdownLimits(`${'x '.repeat(500_000)}\n${'> '.repeat(30)}x`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(QUICK_MS);
  });
});

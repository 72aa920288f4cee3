import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeSvgContent, loadContent } from '../../src/build/load-content';
import { ContentError, formatProblem } from '../../src/build/problems';

const FIXTURES = path.resolve(__dirname, '../fixtures/front-matter');
const ROOT = path.resolve(__dirname, '../..');

/** Runs `load` and returns the ContentError it must throw. */
function contentError(load: () => unknown): ContentError {
  try {
    load();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError, got content');
}

const temporaries: string[] = [];

/** A content folder in a temporary directory holding `files` (paths under it, POSIX-style). */
function contentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-content-'));
  temporaries.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const post = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2021-05-01\n${extra}---\nText.\n`;

describe('loading a content folder', () => {
  it('reports every problem in every file in one run, and nothing about the valid files', () => {
    const error = contentError(() => loadContent(FIXTURES, { drafts: true, cwd: ROOT }));
    const files = new Set(error.problems.map((problem) => path.basename(problem.file)));
    const invalid = [
      '!!!.md',
      'bad-date.md',
      'billion-laughs.md',
      'crlf-positions.md',
      'custom-tag.md',
      'deep-yaml.md',
      'duplicate-keys.md',
      'duplicate-two.md',
      'empty-front-matter.md',
      'empty-tag.md',
      'image-climbs.md',
      'image-data.md',
      'image-encoded-climb.md',
      'image-javascript.md',
      'impossible-date.md',
      'links-climb.md',
      'links-refused.md',
      'list-front-matter.md',
      'missing-title.md',
      'no-front-matter.md',
      'scalar-front-matter.md',
      'scripted.svg',
      'slug-climbs.md',
      'slug-invisible.md',
      'slug-uppercase.md',
      'slug-zero-width.md',
      'tab-indent.md',
      'undefined-alias.md',
      'unterminated.md',
      'wrong-types.md',
    ];
    expect([...files].sort()).toEqual(invalid.sort());
    expect(error.message).toMatch(new RegExp(`^The content has ${error.problems.length} problems:\n`));
    expect(error.message.split('\n').slice(1)).toEqual(error.problems.map(formatProblem));
    expect(error.message).toContain('test/fixtures/front-matter/posts/bad-date.md:3:7: date: expected a date like 2021-05-01, got "yesterday"');
  });

  it('refuses two posts with the same slug, naming both files', () => {
    const error = contentError(() => loadContent(FIXTURES, { drafts: true, cwd: ROOT }));
    const duplicate = error.problems.find((problem) => problem.field === 'slug' && problem.message.includes('unique'));
    expect(duplicate && formatProblem(duplicate)).toBe(
      'test/fixtures/front-matter/posts/duplicate-two.md:1:1: slug: expected a unique slug, got "same-slug" which test/fixtures/front-matter/posts/duplicate-one.md also has; set slug: in one of them',
    );
  });

  it('refuses file names that differ only by case, since they name the same slug', () => {
    const dir = contentFolder({ 'posts/Case-Twin.md': post('Upper'), 'posts/case-twin.md': post('Lower') });
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.problems.map(formatProblem)).toEqual([
      'posts/case-twin.md:1:1: slug: expected a unique slug, got "case-twin" which posts/Case-Twin.md also has; set slug: in one of them',
    ]);
  });

  it('refuses file names that differ only by Unicode normalisation (NFC and NFD)', () => {
    const dir = contentFolder({ 'posts/caf\u00e9.md': post('Composed'), 'posts/cafe\u0301.md': post('Decomposed') });
    // Some file systems (macOS) cannot hold both names; the check matters where they can.
    if (readdirSync(path.join(dir, 'posts')).length < 2) return;
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(/^expected a unique slug, got "caf\u00e9" which posts\/caf(\u00e9|e\u0301)\.md also has/);
  });

  it('refuses slugs that would be one file on a case-insensitive disk', () => {
    const dir = contentFolder({ 'posts/a.md': post('Final sigma', 'slug: λόγος\n'), 'posts/b.md': post('Medial sigma', 'slug: λόγοσ\n') });
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.problems.map(formatProblem)).toEqual([
      'posts/b.md:1:1: slug: expected a unique slug, got "λόγοσ" which posts/a.md also has as "λόγος" (they differ only by case); set slug: in one of them',
    ]);
  });

  it('refuses a post over the size limit without reading it, quickly', () => {
    const dir = contentFolder({ 'posts/huge.md': post('Huge') + 'All work and no play. '.repeat(240_000), 'posts/fine.md': post('Fine') });
    const started = performance.now();
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.problems.map(formatProblem)).toEqual(['posts/huge.md:1:1: expected a post of at most 256 KiB, got 5.0 MiB; split it into several posts']);
  });

  it('takes the limits from the options', () => {
    const dir = contentFolder({ 'posts/small.md': post('Small') + 'x'.repeat(3000) });
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir, limits: { maxBytes: 2048 } }));
    expect(error.problems.map(formatProblem)).toEqual(['posts/small.md:1:1: expected a post of at most 2 KiB, got 3 KiB; split it into several posts']);
  });

  it('refuses links through symbolic links, inside or out of the content folder', () => {
    const outside = contentFolder({ 'secret.txt': 'private' });
    const dir = contentFolder({
      'posts/x.md': `${post('Links')}[out](escape.txt) [in](alias.txt) [dir](out-dir/secret.txt)\n`,
      'posts/real.txt': 'published',
    });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'posts/escape.txt'));
    symlinkSync(path.join(dir, 'posts/real.txt'), path.join(dir, 'posts/alias.txt'));
    symlinkSync(outside, path.join(dir, 'posts/out-dir'));
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.problems.map(formatProblem)).toEqual([
      'posts/x.md:6:1: link: expected a path inside the content folder, got "escape.txt"',
      'posts/x.md:6:19: link: expected a file, got "alias.txt" which is a symbolic link; links are not published, copy the file in',
      'posts/x.md:6:35: link: expected a path inside the content folder, got "out-dir/secret.txt"',
    ]);
  });

  it('never lists a symbolic link, or anything private, as a file to publish', () => {
    const outside = contentFolder({ 'secret.txt': 'private' });
    const dir = contentFolder({ 'posts/x.md': post('X'), 'posts/ok.txt': 'ok', 'posts/_draft.png': '', '.env': 'TOKEN=1', 'site.yaml': 'title: T\n' });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'posts/escape.txt'));
    symlinkSync(outside, path.join(dir, 'linked-dir'));
    expect(loadContent(dir, { drafts: false, cwd: dir }).assets).toEqual(['posts/ok.txt']);
  });

  it("refuses an SVG that carries a script, since it would run with the site's rights when opened on its own", () => {
    const error = contentError(() => loadContent(FIXTURES, { drafts: true, cwd: ROOT }));
    expect(error.problems.filter((problem) => problem.file.endsWith('.svg')).map(formatProblem)).toEqual([
      'test/fixtures/front-matter/posts/scripted.svg:1:65: expected an image without scripts, got "onload="; a script in an SVG runs with the site\'s rights when the file is opened on its own',
    ]);
  });

  it.each([
    ['a script element', '<svg>\n  <SCRIPT>alert(1)</SCRIPT></svg>', 2, 3],
    ['an event handler', '<svg><rect onclick = "x"/></svg>', 1, 12],
    ['a javascript: link', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', 1, 15],
    ['an iframe in a foreignObject', '<svg><foreignObject><iframe src="x"></iframe></foreignObject></svg>', 1, 21],
  ])('finds %s in an SVG', (_name, svg, line, column) => {
    expect(activeSvgContent(svg)).toMatchObject({ line, column });
  });

  it('passes an SVG of shapes, text and styles', () => {
    expect(
      activeSvgContent('<svg xmlns="http://www.w3.org/2000/svg"><style>.a{fill:red}</style><g><text x="1">Button</text><rect class="a"/></g></svg>'),
    ).toBeUndefined();
  });

  it('shows control and bidi characters in file names as escapes, so a message cannot disguise itself', () => {
    const dir = contentFolder({ 'posts/\u001b[31mred\u202eevil.md': '---\ntitle: x\n---\n' });
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.message.split('\n')[1]).toBe('posts/\\u{1b}[31mred\\u{202e}evil.md:2:1: date: expected a date like 2021-05-01, got nothing');
  });

  it('accepts a BOM in site.yaml and reports its problems with the others', () => {
    const dir = contentFolder({ 'site.yaml': '\uFEFFtitle: 5\npostsPerPage: many\n', 'posts/x.md': '---\ntitle: x\n---\n' });
    const error = contentError(() => loadContent(dir, { drafts: false, cwd: dir }));
    expect(error.problems.map(formatProblem)).toEqual([
      'site.yaml:1:8: title: expected a title, got number',
      'site.yaml:2:15: postsPerPage: expected a whole number, got "many"',
      'posts/x.md:2:1: date: expected a date like 2021-05-01, got nothing',
    ]);
  });
});

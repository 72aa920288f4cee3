// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/build/build-report';
import { type Content, loadContent } from '../../src/build/load-content';
import { ContentError, formatProblem } from '../../src/build/problems';
import { redirectPage } from '../../src/prerender/redirect-pages';

const GENERATORS = path.resolve(__dirname, '../fixtures/generators');
const work = mkdtempSync(path.join(os.tmpdir(), 'quire-moving-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const load = (dir: string, options: Partial<Parameters<typeof loadContent>[1]> = {}) => loadContent(dir, { drafts: false, cwd: dir, ...options });
const lines = (problems: Content['warnings']) => (problems ?? []).map(formatProblem);

/** A content folder made of `files` (path -> text) in a fresh temporary folder. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('a folder of posts from another generator builds as it is', () => {
  it.each([
    // [generator, posts published, warnings, notes, files published at the site root]
    ['hugo', 7, [], [], ['images/diagram-6.svg']],
    ['jekyll', 2, [], [], ['images/swap-graph.svg']],
    ['astro', 6, 3, [], []],
    ['astropaper', 2, [], ['posts/adding-new-posts.md:14:15: ignored front matter field `canonicalURL` in 1 post; Quire does not use it'], []],
    ['docusaurus', 6, 3, [], []],
  ] as const)('%s', (name, count, warnings, notes, rootFiles) => {
    const content = load(path.join(GENERATORS, name));
    expect(content.posts).toHaveLength(count);
    if (typeof warnings === 'number') expect(content.warnings).toHaveLength(warnings);
    else expect(lines(content.warnings)).toEqual(warnings);
    expect(lines(content.notes)).toEqual(notes);
    expect(content.rootFiles).toEqual(rootFiles);
    for (const post of content.posts) expect(post.html).not.toMatch(/&lt;!--\s*(more|truncate)|<!--\s*(more|truncate)/);
  });

  it('reads a Hugo page bundle with its images, the excerpt up to <!--more-->', () => {
    const post = load(path.join(GENERATORS, 'hugo')).posts.find((p) => p.meta.slug === 'page-cache-bundle')!;
    expect(post.meta).toMatchObject({
      date: '2022-03-04T09:30:00+01:00',
      updated: '2022-04-01',
      tags: ['Page Cache', 'memory', 'linux'],
      excerpt: 'What the kernel keeps in memory between reads, and how to see it.',
    });
    expect(post.html).toMatch(/<img src="\/media\/posts\/page-cache-bundle\/free-output.svg"[^>]* width="320" height="120"/);
    expect(post.html).toContain('href="/media/posts/page-cache-bundle/notes.txt"');
  });

  it("ends a Docusaurus excerpt at <!-- truncate --> and reads the folder's date", () => {
    const post = load(path.join(GENERATORS, 'docusaurus')).posts.find((p) => p.meta.slug === 'welcome')!;
    expect(post.meta).toMatchObject({ date: '2021-08-26', excerpt: 'Blog posts in a folder of their own keep their images beside them.' });
  });

  it("leaves Jekyll's unpublished post out, keeps its permalink working and sizes /images/ links", () => {
    const content = load(path.join(GENERATORS, 'jekyll'));
    expect(content.posts.map((post) => post.meta.slug)).toEqual(['tuning-swappiness', 'oom-notes']);
    expect(content.redirects).toContainEqual({
      from: '/linux/2021/05/01/tuning-swappiness.html',
      file: 'linux/2021/05/01/tuning-swappiness.html',
      to: '/posts/tuning-swappiness/',
      title: 'Tuning swappiness',
    });
    expect(content.posts[0]!.html).toMatch(/<img src="\/images\/swap-graph.svg"[^>]* width="200" height="80"/);
  });

  it('names the post an Astro /blog/ link meant', () => {
    expect(lines(load(path.join(GENERATORS, 'astro')).warnings)[0]).toBe(
      'posts/how-ept-and-shadow-paging-caused-high-vm-exit-rates.md:72:334: expected a page or file of this site, got a link to "/blog/measuring-pnfs-layouts-before-changing-it/" which it does not have; the post "measuring-pnfs-layouts-before-changing-it" is at /posts/measuring-pnfs-layouts-before-changing-it/',
    );
  });
});

const POST = (title: string, more = '', body = 'Text.') => `---\ntitle: ${title}\ndate: 2021-05-01\ntags: [Linux]\n${more}---\n${body}\n`;

describe('dead links', () => {
  const dir = folder('dead', {
    'posts/a.md': POST(
      'A',
      '',
      [
        '[missing file](notes.txt) and ![missing image](diagram.png)', // line 6
        '[no post](/posts/no-such-post/) [no tag](/tags/nope/) [b](/posts/b/) [b, no slash](/posts/b#x)', // line 7
        '[tag](/tags/linux/) [archive](/archive/) [search](/search/?q=oom) [home](/) [label](/search/label/Linux) [feed](/rss.xml)',
        '[old address of b](/2019/01/b.html) [media](/media/posts/here.txt) [root file](/files/here.txt) [page 9](/page/9/)', // line 9
      ].join('\n'),
    ),
    'posts/b.md': POST('B', 'aliases: [/2019/01/b.html]\n'),
    'posts/here.txt': 'here',
    'files/here.txt': 'here',
  });

  it('reports each as file:line:col and builds, the link kept as written', () => {
    const content = load(dir);
    expect(lines(content.warnings)).toEqual([
      'posts/a.md:6:1: link: expected a file at "notes.txt" beside the post, got nothing there',
      'posts/a.md:6:31: image: expected an image at "diagram.png" beside the post, got nothing there',
      'posts/a.md:7:1: expected a page or file of this site, got a link to "/posts/no-such-post/" which it does not have',
      'posts/a.md:7:33: expected a page or file of this site, got a link to "/tags/nope/" which it does not have',
      'posts/a.md:9:97: expected a page or file of this site, got a link to "/page/9/" which it does not have',
    ]);
    const html = content.posts.find((post) => post.meta.slug === 'a')!.html;
    expect(html).toContain('href="/media/posts/notes.txt"');
    expect(html).toContain('src="/media/posts/diagram.png"');
    expect(html).toContain('href="/posts/no-such-post/"');
    expect(content.rootFiles).toEqual(['files/here.txt']);
  });

  it('reports the same list from a warm cache, and forgets a warning once the file exists', () => {
    const cache = path.join(work, 'cache');
    const cold = lines(load(dir, { cache }).warnings);
    expect(lines(load(dir, { cache }).warnings)).toEqual(cold);
    writeFileSync(path.join(dir, 'posts/notes.txt'), 'now here');
    try {
      expect(lines(load(dir, { cache }).warnings)).toEqual(cold.slice(1));
    } finally {
      rmSync(path.join(dir, 'posts/notes.txt'));
    }
  });

  it('prints the list, and fails with it only in strict mode', () => {
    const warnings = load(dir).warnings!;
    const relaxed = formatReport({ warnings, notes: [], strict: false });
    const strict = formatReport({ warnings, notes: [], strict: true });
    expect(relaxed.failed).toBe(false);
    expect(strict.failed).toBe(true);
    for (const report of [relaxed, strict]) {
      expect(report.text.split('\n').slice(0, 6)).toEqual(['The content has 5 warnings:', ...warnings.map(formatProblem)]);
    }
    expect(formatReport({ warnings: [], notes: [], strict: true })).toEqual({ text: '', failed: false });
  });

  it('reads strict: true from site.yaml', () => {
    expect(load(folder('strict', { 'site.yaml': 'strict: true\n', 'posts/a.md': POST('A') })).site.strict).toBe(true);
  });
});

describe('aliases', () => {
  it.each([
    [
      'the address of a page of the site',
      'aliases: [/posts/b/]\n',
      'posts/a.md:5:11: aliases: expected an old address, got "/posts/b/" which is a page of this site; remove it',
    ],
    ['the home page', 'aliases: /\n', 'posts/a.md:5:10: aliases: expected an old address, got "/" which is a page of this site; remove it'],
    [
      'an address another post has',
      'aliases: [/old/b.html]\n',
      'posts/b.md:5:11: aliases: expected an address of one post, got "/old/b.html" which posts/a.md:5 also has',
    ],
    [
      "a folder of the build's own",
      'aliases: [/assets/x.js]\n',
      'posts/a.md:5:11: aliases: expected an address outside the site\'s own folders (.quire, about, archive, assets, data, media, page, posts, search, series, tags), got "/assets/x.js"',
    ],
  ])('refuses %s, naming file:line', (_what, aliases, expected) => {
    const dir = folder(`alias-${aliases.replace(/\W/g, '')}`, { 'posts/a.md': POST('A', aliases), 'posts/b.md': POST('B', 'aliases: [/old/b.html]\n') });
    expect(() => load(dir)).toThrow(ContentError);
    try {
      load(dir);
    } catch (error) {
      expect((error as ContentError).problems.map(formatProblem)).toEqual([expected]);
    }
  });

  it('writes a redirect for each alias and each tag as a Blogger label, never for a draft', () => {
    const dir = folder('redirects', {
      'posts/a.md': POST('A', 'aliases: [/2021/05/a.html, /old/a/]\n'),
      'posts/d.md': POST('D', 'draft: true\naliases: [/2021/05/d.html]\n'),
    });
    expect(load(dir).redirects).toEqual([
      { from: '/2021/05/a.html', file: '2021/05/a.html', to: '/posts/a/', title: 'A' },
      { from: '/old/a/', file: 'old/a/index.html', to: '/posts/a/', title: 'A' },
      { from: '/search/label/Linux', file: 'search/label/Linux/index.html', to: '/tags/linux/', title: 'Posts tagged Linux' },
    ]);
  });
});

describe('redirect pages', () => {
  const redirect = { from: '/2021/05/a.html', file: '2021/05/a.html', to: '/posts/ünï/', title: 'A & <B>' };

  it('send the reader on at once without JavaScript, under the base path, canonical on the site URL', () => {
    const html = redirectPage(redirect, { base: '/blog/', siteUrl: 'https://example.org/blog/', language: 'de' });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/blog/posts/%C3%BCn%C3%AF/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/blog/posts/%C3%BCn%C3%AF/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/blog/posts/%C3%BCn%C3%AF/">A &amp; &lt;B&gt;</a>');
    expect(html).toContain('<html lang="de">');
    expect(html).not.toContain('<script');
  });

  it('use the path as canonical when the site has no URL', () => {
    expect(redirectPage(redirect, { base: '/', language: 'en' })).toContain('<link rel="canonical" href="/posts/%C3%BCn%C3%AF/">');
  });
});

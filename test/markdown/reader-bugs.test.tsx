/**
 * Bugs readers saw before the one pipeline, one test each. Before it, the build analysed the
 * markdown with its own parse (remark, mdast-util-to-string) and the page was rendered by
 * react-markdown with rehype-slug and its own components, in the build and in the browser alike,
 * so the table of contents, the feed and the page each had their own idea of the post.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RouterProvider, createMemoryRouter, useLocation } from 'react-router-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_LIMITS } from '../../src/build/analyse-markdown';
import { loadContent } from '../../src/build/load-content';
import { type MarkdownOutput, processMarkdown } from '../../src/build/process-markdown';
import { ContentError } from '../../src/build/problems';
import { appPath } from '../../src/components/article/article-behaviour';
import { Article } from '../../src/components/article/article';
import { ArticleHtml } from '../../src/components/article/article-html';
import { BrowserMarkdown, parseHtml } from './render-paths';

const svg = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="1" height="1"/></svg>`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A content folder holding these files (paths relative to it). */
function contentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-reader-bugs-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Files the posts below link to, beside `posts/x/index.md`. */
const BESIDE_POST = { 'posts/x/x.svg': svg(16, 16), 'posts/x/file.txt': 'notes', 'posts/x/file.pdf': '%PDF-1.4' };

/** `posts/x/index.md` through the build's pipeline: what its page, feed entry and data file get. */
function build(body: string, { base = '/', feedOrigin }: { base?: string; feedOrigin?: string } = {}): MarkdownOutput {
  const dir = contentFolder(BESIDE_POST);
  const result = processMarkdown({
    path: path.join(dir, 'posts/x/index.md'),
    file: 'posts/x/index.md',
    contentDir: dir,
    body,
    bodyLine: 1,
    base,
    assetBase: 'media/posts/x/',
    ...(feedOrigin ? { feedOrigin } : {}),
    limits: DEFAULT_MARKDOWN_LIMITS,
  });
  if (!result.ok) throw new Error(`expected the post to build, got ${JSON.stringify(result.problems)}`);
  return result.output;
}

describe('a heading with a footnote call or an image: the table of contents links to it', () => {
  // Before: the TOC's ids came from the mdast text ("Setup", "icon Install") and the page's from
  // rehype-slug on the rendered heading ("Setup1", " Install"), so the page had `setup1` and
  // `-install` while the TOC linked to `#setup` and `#icon-install`: clicking it went nowhere.
  it.each([
    ['## Setup[^1]\n\nText.\n\n[^1]: A footnote.', { depth: 2, id: 'setup', text: 'Setup' }],
    ['## ![icon](x.svg) Install\n\nText.', { depth: 2, id: 'install', text: 'Install' }],
    ['### Step *two*[^n] ![](x.svg)\n\n[^n]: Note.', { depth: 3, id: 'step-two', text: 'Step two' }],
  ])('%j', (markdown, heading) => {
    const output = build(markdown);
    expect(output.headings).toEqual([heading]);
    // The pre-rendered page, and the page after a client-side navigation.
    const page = parseHtml(output.html);
    const { container } = render(<BrowserMarkdown markdown={markdown} images={output.images} />);
    for (const [where, root] of [
      ['build', page],
      ['browser', container],
    ] as const) {
      const target = root.querySelector(`h${heading.depth}`);
      expect(target?.id, where).toBe(heading.id);
      // The section's own anchor link agrees too.
      expect(target?.querySelector('a.anchor')?.getAttribute('href'), where).toBe(`#${heading.id}`);
    }
  });
});

describe('the excerpt marker', () => {
  // Before: react-markdown showed raw HTML as text, so the marker was printed in the post
  // ("<!-- more -->" between the intro and the rest) on the page and in every feed reader.
  it.each([
    ['<!-- more -->', 'Intro.\n\n<!-- more -->\n\nThe rest.'],
    ['<!--more-->', 'Intro.\n\n<!--more-->\n\nThe rest.'],
    ['<!-- MORE -->', 'Intro.\n\n<!-- MORE -->\n\nThe rest.'],
    ['<!-- truncate --> (Docusaurus)', 'Intro.\n\n<!-- truncate -->\n\nThe rest.'],
    ['a second marker', 'Intro.\n\n<!-- more -->\n\nThe middle.\n\n<!-- more -->\n\nThe rest.'],
  ])('%s never shows in the page or the feed', (_name, markdown) => {
    const output = build(markdown, { feedOrigin: 'https://blog.example' });
    expect(output.excerpt).toBe('Intro.');
    for (const [where, html] of [
      ['page', output.html],
      ['feed', output.feedHtml!],
    ] as const) {
      const text = parseHtml(html).textContent;
      expect(text, where).toContain('Intro.');
      expect(text, where).toContain('The rest.');
      expect(text, where).not.toMatch(/<!--|-->/);
    }
  });

  it('is shown where it is code, not a marker', () => {
    const output = build('Intro.\n\n```html\n<!-- more -->\n```\n');
    expect(parseHtml(output.html).querySelector('pre code')?.textContent).toBe('<!-- more -->\n');
  });
});

describe('a post in a feed', () => {
  const markdown = [
    '## Numbers',
    '',
    'See [the other post](/posts/other/) and ![a box](x.svg).',
    '',
    '```bash',
    'echo hi',
    '```',
    '',
    '```chart',
    'title: Requests',
    'day,requests',
    'Mon,120',
    'Tue,98',
    '```',
  ].join('\n');

  // Before: feeds rendered the page's components to static markup: Copy buttons that do nothing
  // without the site's script, "#" after every heading, "Loading chart…" where the chart should be
  // (React.lazy cannot finish in a static render), and links relative to a site the reader is not on.
  it.each([
    ['/', 'https://blog.example/'],
    ['/blog/', 'https://blog.example/blog/'],
  ])('under the base path %s: no buttons or "#" anchors, the chart as SVG and table, URLs absolute', (base, root) => {
    const feed = parseHtml(build(markdown, { base, feedOrigin: 'https://blog.example' }).feedHtml!);
    expect(feed.querySelector('button')).toBeNull();
    expect([...feed.querySelectorAll('a')].filter((a) => a.textContent === '#' || a.getAttribute('href')?.startsWith('#'))).toEqual([]);
    expect(feed.querySelector('h2')?.textContent).toBe('Numbers');
    expect(feed.querySelector('svg')).not.toBeNull();
    expect(feed.querySelector('table')).not.toBeNull();
    expect(feed.textContent).not.toContain('Loading chart');
    expect(feed.querySelector('pre code')?.textContent).toBe('echo hi\n');
    expect(feed.querySelector('a')?.getAttribute('href')).toBe(`${root}posts/other/`);
    expect(feed.querySelector('img')?.getAttribute('src')).toBe(`${root}media/posts/x/x.svg`);
  });
});

describe('a link title', () => {
  // Before: site paths were rendered as router <Link>s, which were handed only the children, so
  // `[a](/x "t")` lost its tooltip.
  it.each([
    ['a site path', '[a](/posts/x/ "t")', '/posts/x/', 't'],
    ['a file beside the post', '[b](file.txt "u")', '/media/posts/x/file.txt', 'u'],
    ['another site', '[c](https://example.org/ "v")', 'https://example.org/', 'v'],
    ['an anchor', '[d](#here "w")', '#here', 'w'],
  ])('is kept for %s', (_name, markdown, href, title) => {
    const page = parseHtml(build(markdown).html);
    const { container } = render(<BrowserMarkdown markdown={markdown} />);
    for (const [where, root] of [
      ['build', page],
      ['browser', container],
    ] as const) {
      const link = root.querySelector('a');
      expect(link?.getAttribute('href'), where).toBe(href);
      expect(link?.getAttribute('title'), where).toBe(title);
    }
  });
});

describe('links to files under a base path', () => {
  const links = '[pdf](file.pdf) [by site path](/media/posts/x/file.pdf) [other post](/posts/other/)';

  it('resolves a file beside the post under the base path once', () => {
    const hrefs = [...parseHtml(build(links, { base: '/blog/' }).html).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/blog/media/posts/x/file.pdf', '/blog/media/posts/x/file.pdf', '/blog/posts/other/']);
  });

  /** A plain left click, as the article's delegated handler receives it. */
  const click = (init: MouseEventInit = {}) => new MouseEvent('click', { button: 0, bubbles: true, cancelable: true, ...init });
  const anchor = (href: string, attributes: Record<string, string> = {}) => {
    const link = document.createElement('a');
    link.setAttribute('href', href);
    for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
    return link;
  };

  // Before: site paths were router <Link>s, so a click on a PDF or an image was "navigated" in
  // the app to a page that does not exist, and readers got the not-found page instead of the file.
  it.each([
    ['a file beside the post', '/blog/media/posts/x/file.pdf', {}, {}, undefined],
    ['a media file without an extension', '/blog/media/posts/x/LICENSE', {}, {}, undefined],
    ['a feed', '/blog/feed.xml', {}, {}, undefined],
    ['another post', '/blog/posts/other/', {}, {}, '/posts/other/'],
    ['another post, with a query and a hash', '/blog/posts/other/?q=1#s', {}, {}, '/posts/other/?q=1#s'],
    ['a page outside the base path', '/elsewhere/', {}, {}, undefined],
    ['another site', 'https://example.org/posts/x/', {}, {}, undefined],
    ['another post in a new tab', '/blog/posts/other/', { target: '_blank' }, {}, undefined],
    ['another post with ctrl held', '/blog/posts/other/', {}, { ctrlKey: true }, undefined],
    ['a download', '/blog/posts/other/', { download: '' }, {}, undefined],
  ])('routes a click on %s as the app should', (_name, href, attributes, modifiers, routed) => {
    expect(appPath(anchor(href, attributes), click(modifiers), '/blog/')).toBe(routed);
  });

  it('lets the browser load a file from an article while page links stay in the app', async () => {
    // Vitest's base path is `/`, as the article's handler reads it.
    const markdown = '[pdf](file.pdf) and [other post](/posts/other/)';
    const html = build(markdown).html;
    const Where = () => <output aria-label="location">{useLocation().pathname}</output>;
    const router = createMemoryRouter(
      [
        {
          path: '/posts/x/',
          element: (
            <ArticleHtml.Provider value={{ get: () => html }}>
              <Article articleKey="posts/x" markdown={markdown} assetBase="media/posts/x/" images={{}} />
              <Where />
            </ArticleHtml.Provider>
          ),
        },
        { path: '*', element: <Where /> },
      ],
      { initialEntries: ['/posts/x/'] },
    );
    render(<RouterProvider router={router} />);
    // Whether the app took the click over, seen after the article's handler; then jsdom is kept
    // from attempting the navigation it does not implement.
    const taken: boolean[] = [];
    const record = (event: Event) => {
      taken.push(event.defaultPrevented);
      event.preventDefault();
    };
    document.addEventListener('click', record);
    try {
      const user = userEvent.setup();
      await user.click(screen.getByRole('link', { name: 'pdf' }));
      expect(taken).toEqual([false]);
      expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/posts/x/');
      await act(() => user.click(screen.getByRole('link', { name: 'other post' })));
      expect(taken).toEqual([false, true]);
      expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/posts/other/');
    } finally {
      document.removeEventListener('click', record);
    }
  });
});

describe('about.md', () => {
  const POST = '---\ntitle: Broken\ndate: yesterday\n---\nText.\n';

  // Before: about.md was read on its own after the posts, so a build with a broken post and a
  // broken about page reported one, and its images were neither checked nor measured.
  it('has its problems reported together with the posts’', () => {
    // A path out of the content folder is an error in a post, and so in the about page.
    const dir = contentFolder({ 'posts/broken.md': POST, 'about.md': '---\ntitle: About\n---\n![me](../outside.png)\n' });
    let error: unknown;
    try {
      loadContent(dir, { drafts: false, cwd: dir });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set(['posts/broken.md', 'about.md']));
    expect(problems.find((problem) => problem.file === 'about.md')).toMatchObject({ line: 4, field: 'image' });
  });

  it('gets the width and height of its images, so the page does not shift as they load', () => {
    const dir = contentFolder({ 'about.md': '---\ntitle: About\n---\n![me](me.svg)\n', 'me.svg': svg(64, 48) });
    const about = loadContent(dir, { drafts: false, cwd: dir }).about!;
    expect(about.images).toEqual({ 'me.svg': { width: 64, height: 48 } });
    const image = parseHtml(about.html).querySelector('img');
    expect(image).toHaveAttribute('src', '/media/me.svg');
    expect(image).toHaveAttribute('width', '64');
    expect(image).toHaveAttribute('height', '48');
  });
});

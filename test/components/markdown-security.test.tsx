import { render } from '@testing-library/react';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/build/front-matter';
import { ChartBlock } from '../../src/components/chart/chart-block';
import { DirectChart } from '../../src/components/chart/lazy-chart';
import { MarkdownContent } from '../../src/components/markdown';
import { inertProblems } from '../build/inert-markup';

/** Renders markdown the way the post page does, charts drawn directly as the pre-renderer does. */
function renderMarkdown(markdown: string) {
  const { container } = render(
    <MemoryRouter>
      <DirectChart.Provider value={ChartBlock}>
        <MarkdownContent assetBase="media/posts/x/">{markdown}</MarkdownContent>
      </DirectChart.Provider>
    </MemoryRouter>,
  );
  return container;
}

describe('raw HTML in a post is shown as text, never interpreted', () => {
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
  ])('%s', (html) => {
    for (const markdown of [html, `Inline ${html} in a paragraph.`, `> ${html}`, `- ${html}`, `| a |\n| - |\n| ${html} |`]) {
      const container = renderMarkdown(markdown);
      expect(inertProblems(container)).toEqual([]);
      expect(container.textContent).toContain(html.slice(0, 8));
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
  ])('a link with %s', (_name, markdown) => {
    const container = renderMarkdown(markdown);
    expect(inertProblems(container)).toEqual([]);
    const link = container.querySelector('a');
    expect(link?.getAttribute('href') ?? '').toBe('');
  });

  it.each([
    ['javascript:', '![x](javascript:alert(1))'],
    ['data:image/svg+xml', '![x](data:image/svg+xml,<svg onload=alert(1)>)'],
    ['data:text/html', '![x](data:text/html,<script>alert(1)</script>)'],
    ['an entity', '![x](&#106;avascript:alert(1))'],
    ['file:', '![x](file:///etc/passwd)'],
    ['a reference definition', '![x]\n\n[x]: vbscript:msgbox(1)'],
  ])('an image with %s', (_name, markdown) => {
    const container = renderMarkdown(markdown);
    expect(inertProblems(container)).toEqual([]);
    expect(container.querySelector('img')?.getAttribute('src') ?? '').toBe('');
  });

  it('keeps safe URLs: http(s), mailto, site paths, anchors and files beside the post', () => {
    const container = renderMarkdown(
      '[a](https://example.org/x?y=1#z) [b](http://example.org) [c](mailto:me@example.org) [d](/posts/other/) [e](#section) [f](notes.txt) ![g](./diagram.svg)',
    );
    const hrefs = [...container.querySelectorAll('a')].filter((a) => a.textContent !== '#').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/x?y=1#z', 'http://example.org', 'mailto:me@example.org', '/posts/other/', '#section', '/media/posts/x/notes.txt']);
    expect(container.querySelector('img')).toHaveAttribute('src', '/media/posts/x/diagram.svg');
  });

  it('opens external links in a new tab without handing the page to them', () => {
    const container = renderMarkdown('[out](https://example.org) [scheme-relative](//example.org/x) <https://example.org/auto> www.example.org');
    const external = [...container.querySelectorAll('a')];
    expect(external).toHaveLength(4);
    for (const link of external) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAttribute('target', '_blank');
    }
  });

  it('keeps site and relative links in the tab, and a backslash cannot turn a site path into another host', () => {
    const container = renderMarkdown('[site](/posts/x/) [file](x.txt) [slash](/\\evil.example)');
    for (const link of container.querySelectorAll('a')) {
      expect(link).not.toHaveAttribute('target');
      expect(new URL(link.getAttribute('href')!, 'https://blog.example/').host).toBe('blog.example');
    }
  });
});

describe('text that reaches attributes stays inside them', () => {
  it.each([
    ['a link title', '[x](https://example.org "\\" onmouseover=\\"alert(1)")', 'a', 'title', '" onmouseover="alert(1)'],
    ['a link title in single quotes', "[x](https://example.org '\\' onmouseover=\\'alert(1)')", 'a', 'title', "' onmouseover='alert(1)"],
    ['image alt text', '![" onerror="alert(1)](https://example.org/a.png)', 'img', 'alt', '" onerror="alert(1)'],
    ['image alt text with markup', '![<img src=x onerror=alert(1)>](https://example.org/a.png)', 'img', 'alt', '<img src=x onerror=alert(1)>'],
    ['an image title', '![x](https://example.org/a.png "\\"><script>alert(1)</script>")', 'img', 'title', '"><script>alert(1)</script>'],
  ])('%s', (_name, markdown, tag, attribute, value) => {
    const container = renderMarkdown(markdown);
    expect(inertProblems(container)).toEqual([]);
    expect(container.querySelector(tag)).toHaveAttribute(attribute, value);
  });

  it('keeps a code fence info string as inert text and class', () => {
    const container = renderMarkdown('```"><script>alert(1)</script>\ncode\n```\n\n~~~" onmouseover="alert(1)\ncode\n~~~');
    expect(inertProblems(container)).toEqual([]);
    expect(container.querySelectorAll('pre')).toHaveLength(2);
  });

  it.each(['toString', 'hasOwnProperty', 'valueOf', 'prototype'])('renders a fence in the language %s as code', (language) => {
    const container = renderMarkdown(`\`\`\`${language}\nx = 1\n\`\`\``);
    expect(inertProblems(container)).toEqual([]);
    expect(container.querySelector('pre code')).toHaveTextContent('x = 1');
  });

  // languageName() once read LANGUAGE_NAMES[language] without an own-key check: `__proto__` made
  // React throw and `constructor` labelled the Copy button "function Object() { [native code] }".
  it.each(['__proto__', 'constructor'])('renders a fence in the language %s as code, labelled as written', (language) => {
    const container = renderMarkdown(`\`\`\`${language}\nx = 1\n\`\`\``);
    expect(container.querySelector('pre code')).toHaveTextContent('x = 1');
    expect(container.querySelector('button')?.getAttribute('aria-label')).toBe(`Copy code (${language.toLowerCase()})`);
  });

  it('draws a chart whose title, labels and cells carry markup as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const container = renderMarkdown(`\`\`\`chart\ntitle: ${payload}\nday,"${payload}"\n"</script><script>alert(1)</script>",1\n"\\" onmouseover=\\"x",2\n\`\`\``);
    expect(inertProblems(container)).toEqual([]);
    expect(container.textContent).toContain(payload);
  });
});

describe('names that are also JavaScript or DOM names', () => {
  const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'location', 'document', 'cookie', 'top', 'forms', 'name'];

  it('gives headings named after them ids, and the page keeps working', () => {
    const container = renderMarkdown(names.map((name) => `## \`${name}\``).join('\n\n'));
    expect(inertProblems(container)).toEqual([]);
    expect([...container.querySelectorAll('h2')].map((heading) => heading.id)).toEqual(names.map((name) => name.toLowerCase()));
    expect(document.location.href).toBe('http://localhost:3000/');
    expect(typeof document.cookie).toBe('string');
  });

  it('renders footnotes with those labels, their ids prefixed so they cannot clobber globals', () => {
    const markdown = `${names.map((name, index) => `Note ${index}[^${name}].`).join(' ')}\n\n${names.map((name) => `[^${name}]: About ${name}.`).join('\n')}`;
    const container = renderMarkdown(markdown);
    expect(inertProblems(container)).toEqual([]);
    const ids = [...container.querySelectorAll('[id]')].map((element) => element.id).filter((id) => id !== 'footnote-label');
    expect(ids.length).toBe(names.length * 2);
    for (const id of ids) expect(id).toMatch(/^user-content-fn(ref)?-/);
    expect(container.querySelectorAll('section[data-footnotes] li')).toHaveLength(names.length);
  });

  it('resolves reference links with those labels', () => {
    const container = renderMarkdown(`${names.map((name) => `[${name}]`).join(' ')}\n\n${names.map((name) => `[${name}]: https://example.org/${name}`).join('\n')}`);
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(names.map((name) => `https://example.org/${name}`));
  });
});

describe('nesting at the build limit', () => {
  it('renders 30 nested blockquotes and a list nested 20 deep without overflowing', () => {
    const container = renderMarkdown(`${'> '.repeat(30)}deep\n\n${Array.from({ length: 20 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n')}`);
    expect(container.querySelectorAll('blockquote')).toHaveLength(30);
    expect(container.querySelectorAll('ul')).toHaveLength(20);
  });
});

const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');

/** The markdown body of a file of the hostile corpus. */
function hostileBody(file: string): string {
  const read = readFrontMatter(readFileSync(path.join(HOSTILE, file), 'utf8'), file);
  if (!read.ok) throw new Error(`expected ${file} to have front matter`);
  return read.block.body;
}

describe('the hostile corpus', () => {
  const posts = readdirSync(path.join(HOSTILE, 'posts'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort();

  it.each(posts)('renders posts/%s inert', (file) => {
    expect(inertProblems(renderMarkdown(hostileBody(`posts/${file}`)))).toEqual([]);
  });

});

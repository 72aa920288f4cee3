/**
 * What a writer can put in a post beyond plain markdown (math, callouts, diagrams, code block
 * options), table by table. Every case is checked on both paths a post is rendered by, the
 * build's and the browser's, which must also agree byte for byte.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_LIMITS } from '../../src/build/analyse-markdown';
import { processMarkdown } from '../../src/build/process-markdown';
import { codeToCopy } from '../../src/components/article/writing-behaviour';
import { featureStylesheets } from '../../src/markdown/feature-styles';
import { KATEX_DIR } from '../../src/markdown/math-styles';
import { browserHtml, buildHtml, featuresOf, parseHtml } from './render-paths';

/** The page markup of the markdown from both paths, after checking that they agree. */
async function rendered(markdown: string): Promise<HTMLDivElement> {
  const build = buildHtml(markdown);
  expect(await browserHtml(markdown)).toBe(build);
  return parseHtml(build);
}

/** Text as a reader sees it: whitespace runs as one space. */
const read = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('math', () => {
  it.each([
    ['inline', 'Energy is $E=mc^2$ here.', 'E=mc^2', false],
    ['display', '$$\nq = \\frac{C(t)}{C(t-5)}\n$$', 'q = \\frac{C(t)}{C(t-5)}', true],
    ['a math fence', '```math\n\\ln 2 / r\n```', '\\ln 2 / r', true],
    ['a thin space that the old renderer ate', '$$\na\\,b\n$$', 'a\\,b', true],
    ['math glued to a word', 'the $x$-axis', 'x', false],
    ['double dollars inline', 'and $$\\sum_i x_i$$ inline', '\\sum_i x_i', false],
  ])('%s renders as KaTeX HTML with MathML carrying the TeX', async (_name, markdown, tex, display) => {
    const page = await rendered(markdown);
    const math = page.querySelector('.katex');
    expect(math?.querySelector('.katex-mathml math')).not.toBeNull();
    expect(math?.querySelector('annotation[encoding="application/x-tex"]')?.textContent?.trim()).toBe(tex);
    expect(page.querySelector('.katex-display') !== null).toBe(display);
    expect(featuresOf(markdown)).toEqual(['math']);
  });

  it.each([
    ['two prices', 'It costs between $5 and $10 a month.', 'It costs between $5 and $10 a month.', []],
    ['prices with thousands', 'from $20,000 to $30,000.', 'from $20,000 to $30,000.', []],
    ['a closing dollar before a digit', 'pay $x or $5 today', 'pay $x or $5 today', []],
    ['an escaped dollar', 'only \\$5 and \\$10', 'only $5 and $10', []],
    // Not math, but held markdown: shown as written, and the browser loads the math plugins to match.
    ['prices around markdown', 'between $5 *and* $10', 'between $5 *and* $10', ['math']],
  ])('%s stay prose', async (_name, markdown, text, features) => {
    const page = await rendered(markdown);
    expect(page.querySelector('.katex')).toBeNull();
    expect(read(page)).toBe(text);
    expect(featuresOf(markdown)).toEqual(features);
  });

  it.each(['$\\href{javascript:alert(1)}{x}$', '$\\url{https://example.com}$', '$\\htmlClass{x}{y}$'])('%s makes no link or markup', async (markdown) => {
    const page = await rendered(markdown);
    expect(page.querySelector('a, [class~="x"]')).toBeNull();
    expect(page.querySelector('.katex')).not.toBeNull();
  });

  it('TeX KaTeX cannot read renders the same on both paths (the build refuses it, the dev server shows it)', async () => {
    const page = await rendered('${$');
    expect(page.querySelector('.katex-error')).not.toBeNull();
    expect(featuresOf('${$')).toEqual(['math']);
  });

  it('reports TeX that KaTeX cannot render at its line', () => {
    const result = processMarkdown({
      path: '/blog/posts/x.md',
      file: 'posts/x.md',
      contentDir: '/blog',
      body: 'Fine.\n\n$$\n\\frac{1}{\n$$\n',
      bodyLine: 5,
      base: '/',
      assetBase: 'media/posts/',
      limits: DEFAULT_MARKDOWN_LIMITS,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'posts/x.md', line: 7, message: expect.stringMatching(/^expected math KaTeX can render, got: KaTeX parse error/) }),
    ]);
  });

  it('puts the MathML in the feed', () => {
    const result = processMarkdown({
      path: '/blog/posts/x.md',
      file: 'posts/x.md',
      contentDir: '/blog',
      body: 'So $r = \\ln q / 5$.',
      bodyLine: 1,
      base: '/',
      assetBase: 'media/posts/',
      feedOrigin: 'https://blog.example',
      limits: DEFAULT_MARKDOWN_LIMITS,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(parseHtml(result.output.feedHtml!).querySelector('math annotation')?.textContent).toBe('r = \\ln q / 5');
    expect(result.output.features).toEqual(['math']);
  });

  it('serves the stylesheet from a folder named for the installed KaTeX', () => {
    const { version } = JSON.parse(readFileSync(path.resolve(__dirname, '../../node_modules/katex/package.json'), 'utf8')) as { version: string };
    expect(KATEX_DIR).toBe(`assets/katex-${version}`);
  });
});

describe('callouts', () => {
  it.each([
    ['> [!NOTE]\n> Read this.', 'note', 'Note'],
    ['> [!TIP]\n> Read this.', 'tip', 'Tip'],
    ['> [!IMPORTANT]\n> Read this.', 'important', 'Important'],
    ['> [!WARNING]\n> Read this.', 'warning', 'Warning'],
    ['> [!CAUTION]\n> Read this.', 'caution', 'Caution'],
    ['> [!note]\n> Read this.', 'note', 'Note'],
    [':::note\nRead this.\n:::', 'note', 'Note'],
    [':::tip\nRead this.\n:::', 'tip', 'Tip'],
    [':::info\nRead this.\n:::', 'note', 'Info'],
    [':::warning\nRead this.\n:::', 'warning', 'Warning'],
    [':::caution\nRead this.\n:::', 'warning', 'Caution'],
    [':::danger\nRead this.\n:::', 'caution', 'Danger'],
    [':::danger[Mind the *gap*]\nRead this.\n:::', 'caution', 'Mind the gap'],
  ])('%j is a %s callout titled %s', async (markdown, kind, title) => {
    const page = await rendered(markdown);
    const callout = page.querySelector('[role="note"]');
    expect(callout?.className).toBe(`callout callout-${kind}`);
    expect(read(callout?.querySelector('.callout-title'))).toBe(title);
    expect(callout?.firstElementChild).toBe(callout?.querySelector('.callout-title'));
    expect(read(callout?.querySelector('.callout-title + p'))).toBe('Read this.');
    expect(page.querySelector('blockquote')).toBeNull();
  });

  it('keeps the markdown inside a callout', async () => {
    const page = await rendered('> [!TIP]\n> Use **bold** and `code`.\n>\n> - a list\n\n```sh\nls\n```');
    const callout = page.querySelector('.callout-tip')!;
    expect(callout.querySelector('strong')?.textContent).toBe('bold');
    expect(callout.querySelector('li')?.textContent).toBe('a list');
  });

  it.each([
    ['a plain quote', '> Just a quote.'],
    ['a marker with text after it on its line', '> [!NOTE] Not an alert.'],
    ['an unknown alert', '> [!DANGER]\n> GitHub has no such alert.'],
  ])('%s stays a quote', async (_name, markdown) => {
    const page = await rendered(markdown);
    expect(page.querySelector('.callout')).toBeNull();
    expect(page.querySelector('blockquote')).not.toBeNull();
  });
});

describe('colons in prose', () => {
  it.each([
    ['a time', 'We met at 10:30 and left at 11:45.'],
    ['C++ scope', 'Call std::string::npos and std::vector::size() on it.'],
    ['key and value', 'Set key:value, or a:b{c} and x:y[z].'],
    ['emoji shortcodes', 'Ship it :rocket: now :smile:'],
    ['a line starting with two colons', '::leaf'],
    ['a line starting with two colons and a label', '::leaf[text]{#id}'],
    ['a ratio', 'A 16:9 screen, a 4:3 one.'],
  ])('%s stays as written', async (_name, markdown) => {
    const page = await rendered(markdown);
    expect(read(page)).toBe(markdown.replace(/\\/g, ''));
  });

  it('a URL with a colon in its path stays one link', async () => {
    const page = await rendered('See https://example.com/a:b now.');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a:b');
  });

  it('an unknown container keeps its lines and its contents', async () => {
    const page = await rendered(':::details\nInside *it*.\n:::');
    expect([...page.querySelectorAll('p')].map(read)).toEqual([':::details', 'Inside it.', ':::']);
    expect(page.querySelector('em')?.textContent).toBe('it');
  });
});

describe('diagrams', () => {
  const diagram = '```mermaid\nflowchart LR\n  a --> b\n```';

  it('a mermaid fence is a figure with its source open to read until the diagram is drawn', async () => {
    const page = await rendered(diagram);
    const figure = page.querySelector('figure[data-diagram="mermaid"]');
    expect(figure?.querySelector('.diagram-drawing')?.hasAttribute('hidden')).toBe(true);
    const details = figure?.querySelector('details');
    expect(details?.hasAttribute('open')).toBe(true);
    expect(read(details?.querySelector('summary'))).toBe('Diagram source');
    expect(details?.querySelector('pre code')?.textContent).toBe('flowchart LR\n  a --> b\n');
    expect(featuresOf(diagram)).toEqual(['mermaid']);
  });

  it('a post without a diagram or math lists no lazily loaded code', () => {
    expect(featuresOf('# Title\n\n```go\nfunc main() {}\n```\n\n> [!NOTE]\n> x').filter((feature) => feature !== 'callout')).toEqual([]);
  });
});

// The styles of these features are not in the main stylesheet: a page links them only when its
// article has the markup (see src/markdown/feature-styles.ts), so a plain post downloads none.
describe('features whose styles load with the post', () => {
  it.each([
    ['plain markdown with a table, a quote and a fence', '# T\n\n| a |\n|---|\n| 1 |\n\n> quoted\n\n```go\nfunc main() {}\n```', []],
    ['a GitHub alert', '> [!WARNING]\n> Careful.', ['callout']],
    ['a Docusaurus admonition', ':::tip\nUse it.\n:::', ['callout']],
    ['a code title', '```go title="main.go"\nfunc main() {}\n```', ['code-lines']],
    ['highlighted lines', '```go {1}\nfunc main() {}\n```', ['code-lines']],
    ['a diff fence', '```diff\n-a\n+b\n```', ['code-lines']],
    ['a shell session', '```console\n$ ls\nfile\n```', ['code-lines']],
    ['a kbd element', 'Press <kbd>Ctrl</kbd>.', ['html']],
    ['details', '<details><summary>More</summary>\n\nHidden.\n\n</details>', ['html']],
    ['a video link alone on its line', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ['html']],
    ['sub and sup, which the main styles cover', 'H<sub>2</sub>O and x<sup>2</sup>', []],
  ])('%s: %j', (_name, markdown, features) => {
    expect(featuresOf(markdown)).toEqual(features);
  });

  it.each([
    [[], undefined],
    [['chart'], undefined],
    [['callout'], ['writing']],
    [['code-lines', 'callout'], ['writing']],
    [['html'], ['raw-html']],
    [
      ['mermaid', 'html'],
      ['raw-html', 'writing'],
    ],
    [['math'], ['katex', 'writing']],
  ])('features %j link %j', (features, sheets) => {
    const linked = featureStylesheets(features)?.map((sheet) => /(katex|raw-html|writing)/.exec(sheet)?.[1]);
    expect(linked?.sort()).toEqual(sheets);
  });
});

describe('code blocks', () => {
  const lines = (page: Element) => [...page.querySelectorAll('.code-line')];
  const code = 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n';

  it.each([
    ['title="main.go"', 'main.go'],
    ["title='main.go'", 'main.go'],
    ['title=main.go', 'main.go'],
    ['title="cmd/my server.go" {1}', 'cmd/my server.go'],
  ])('%s names the block', async (meta, title) => {
    const page = await rendered(`\`\`\`go ${meta}\n${code}\`\`\``);
    expect(read(page.querySelector('.code-block-title'))).toBe(title);
    expect(page.querySelector('.code-block-copy')?.getAttribute('aria-label')).toBe(`Copy code (${title}, Go)`);
  });

  it.each([
    ['{2-3,5}', [2, 3, 5]],
    ['{1}', [1]],
    ['{ 4 , 1-2 }', [1, 2, 4]],
    ['{9}', []],
  ])('%s highlights lines %j', async (meta, highlighted) => {
    const page = await rendered(`\`\`\`go ${meta}\n${code}\`\`\``);
    expect(lines(page)).toHaveLength(5);
    expect(lines(page).flatMap((line, index) => (line.hasAttribute('data-highlighted') ? [index + 1] : []))).toEqual(highlighted);
    expect(page.querySelector('pre code')?.textContent).toBe(code);
  });

  it('showLineNumbers numbers the lines', async () => {
    const page = await rendered(`\`\`\`go showLineNumbers\n${code}\`\`\``);
    expect(page.querySelector('pre')?.hasAttribute('data-line-numbers')).toBe(true);
    expect(lines(page)).toHaveLength(5);
  });

  it('a token over several lines is coloured on each, in one piece per line', async () => {
    const page = await rendered('```python {2}\ns = """one\ntwo\nthree"""\nx = 1\n```');
    const strings = lines(page).map((line) => line.querySelector('.hljs-string')?.textContent);
    expect(strings).toEqual(['"""one', 'two', 'three"""', undefined]);
    expect(page.querySelector('pre code')?.textContent).toBe('s = """one\ntwo\nthree"""\nx = 1\n');
  });

  it('a diff colours added and removed lines, not the file names', async () => {
    const page = await rendered('```diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n```');
    expect(lines(page).map((line) => line.getAttribute('data-diff'))).toEqual([null, null, null, 'removed', 'added', null]);
  });

  it.each([
    ['prompts and output', '$ ls /tmp\nfile\n$ echo hi\nhi', 'ls /tmp\necho hi'],
    ['root prompt', '# systemctl restart nfs\n$ id -u\n1000', 'systemctl restart nfs\nid -u'],
    ['a command continued with a backslash', '$ tar -czf x.tgz \\\n    dir\ndone', 'tar -czf x.tgz \\\n    dir'],
    ['a here-document', "$ cat <<'EOF' > x\n> one\n> two\n> EOF\n$ wc -l x\n2 x", "cat <<'EOF' > x\none\ntwo\nEOF\nwc -l x"],
    ['a > line in the output', '$ cat f\n> quoted', 'cat f\nquoted'],
    ['output that starts with >', 'out\n> not a command', 'out\n> not a command'],
    ['no prompt at all', 'just output\nmore', 'just output\nmore'],
  ])('Copy in a shell session with %s copies the commands alone', async (_name, session, copied) => {
    for (const language of ['console', 'shell-session']) {
      const page = await rendered(`\`\`\`${language}\n${session}\n\`\`\``);
      expect(codeToCopy(page.querySelector('pre code')!)).toBe(copied);
    }
  });

  it('Copy in other code copies all of it', async () => {
    const page = await rendered('```bash {1}\n$ not a prompt here\nok\n```');
    expect(codeToCopy(page.querySelector('pre code')!)).toBe('$ not a prompt here\nok');
  });

  it('a fence without options keeps its plain markup', async () => {
    const page = await rendered(`\`\`\`go\n${code}\`\`\``);
    expect(lines(page)).toHaveLength(0);
    expect(page.querySelector('.code-block-title')).toBeNull();
  });

  it.each(['{a-b}', '{3-1}', '{0}', '{1-99999999}'])('a bad line range %s is an error at the fence', (meta) => {
    const result = processMarkdown({
      path: '/blog/posts/x.md',
      file: 'posts/x.md',
      contentDir: '/blog',
      body: `Text.\n\n\`\`\`go ${meta}\nx\n\`\`\`\n`,
      bodyLine: 4,
      base: '/',
      assetBase: 'media/posts/',
      limits: DEFAULT_MARKDOWN_LIMITS,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ file: 'posts/x.md', line: 6, message: expect.stringContaining(meta) })]);
  });
});

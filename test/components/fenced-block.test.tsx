import { render, screen } from '@testing-library/react';
import type { Element } from 'hast';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { buildHighlighter } from '../../src/build/languages';
import { fenceOf } from '../../src/components/code-block/fenced-block';
import { createProcessor } from '../../src/markdown/pipeline';
import { MarkdownContent, loadLanguages } from '../../src/markdown/render-markdown';
import { ASSET_BASE, buildHtml, languagesOf, parseHtml } from '../markdown/render-paths';

const CHART = 'Some text.\n\n```chart\ntitle: Requests\nday,requests\nMon,120\nTue,98\n```\n';
const CONSOLE = 'Run `dmesg -T` first:\n\n```console\n$ dmesg -T | grep -i oom\n```\n';

/** Markdown as a client-side navigation renders it: react-markdown, the chart code loaded on demand. */
async function renderInBrowser(markdown: string) {
  await loadLanguages(languagesOf(markdown));
  return render(
    <MemoryRouter>
      <MarkdownContent assetBase={ASSET_BASE}>{markdown}</MarkdownContent>
    </MemoryRouter>,
  );
}

/** The first `pre` of the tree the pipeline makes, as FencedBlock is handed it. */
function firstPre(markdown: string): Element {
  const processor = createProcessor({ base: '/', assetBase: ASSET_BASE, images: {}, highlighter: buildHighlighter });
  const tree = processor.runSync(processor.parse(markdown));
  const pre = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'pre');
  if (!pre) throw new Error('expected a pre element');
  return pre;
}

describe('FencedBlock in the browser', () => {
  it('turns a chart fence into a chart, loading its code on demand', async () => {
    await renderInBrowser(CHART);
    expect(await screen.findByRole('img', { name: 'Requests' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Copy/ })).not.toBeInTheDocument();
  });

  it('turns other fences into code blocks, highlighted, labelled and copyable', async () => {
    const { container } = await renderInBrowser(CONSOLE);
    expect(screen.getByText('Shell session')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy code (Shell session)' })).toBeInTheDocument();
    expect(container.querySelector('pre code.hljs')).toHaveTextContent('$ dmesg -T | grep -i oom');
    // Inline code is untouched.
    expect(screen.getByText('dmesg -T').closest('pre')).toBeNull();
  });
});

describe('FencedBlock in the build', () => {
  it('draws a chart fence in the HTML itself, with its data table, instead of a loading placeholder', () => {
    const page = parseHtml(buildHtml(CHART));
    expect(page.querySelector('svg[role="img"]')).not.toBeNull();
    expect(page.querySelector('table')).not.toBeNull();
    expect(page.textContent).not.toContain('Loading chart');
    expect(page.querySelector('button')).toBeNull();
  });

  it('turns other fences into highlighted, labelled code blocks', () => {
    const page = parseHtml(buildHtml(CONSOLE));
    expect(page.querySelector('.code-block-language')?.textContent).toBe('Shell session');
    expect(page.querySelector('pre code.hljs')?.textContent).toBe('$ dmesg -T | grep -i oom\n');
    expect(page.querySelector('p code')?.closest('.code-block')).toBeNull();
  });
});

describe('fenceOf', () => {
  it('reads the language and text of the code inside a pre, through highlight spans', () => {
    const pre = firstPre('```go\nfunc main() {}\n```\n');
    // Highlighted: the text is spread over spans, and must still read as written.
    expect(JSON.stringify(pre)).toContain('hljs-keyword');
    expect(fenceOf(pre)).toEqual({ language: 'go', text: 'func main() {}\n' });
  });

  it('reads the language lower-cased, so ```Chart is a chart too', () => {
    expect(fenceOf(firstPre('```Chart\na,b\n1,2\n```\n')).language).toBe('chart');
  });

  it('has no language for a fence without one', () => {
    expect(fenceOf(firstPre('```\nplain\n```\n'))).toEqual({ language: undefined, text: 'plain\n' });
  });

  it('reads the text of a pre without a code element, and of no node at all', () => {
    const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: 'bare' }] };
    expect(fenceOf(pre)).toEqual({ text: 'bare' });
    expect(fenceOf(undefined)).toEqual({ text: '' });
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_FOR_MS } from '../../src/components/article/article-behaviour';
import { Article } from '../../src/components/article/article';
import { ArticleHtml, type ArticleStore } from '../../src/components/article/article-html';
import { CodeBlock } from '../../src/components/code-block/code-block';
import { prepareRenderer } from '../../src/markdown/renderer';
import { ASSET_BASE, BrowserMarkdown, buildHtml, languagesOf, parseHtml } from '../markdown/render-paths';

const PYTHON = 'print("a very long line that should scroll inside the block, never the page")\n';
const fence = (language: string, code = PYTHON) => `\`\`\`${language}\n${code}\`\`\`\n`;

/** Replaces the async clipboard (user-event installs its own on setup, so call this after). */
function stubClipboard(writeText: (text: string) => Promise<void> = async () => {}) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
  window.getSelection()?.removeAllRanges();
});

const KEY = 'posts/x';
const store = (html: string): ArticleStore => ({ get: (key) => (key === KEY ? html : undefined) });

/**
 * A post's body as readers get it: either the build's HTML, which React never renders (a page's
 * first load), or rendered in the browser (after a client-side navigation). The Copy button has
 * to work in both, through the article's delegated handler.
 */
async function renderArticle(markdown: string, source: 'pre-rendered' | 'browser') {
  // The post loader prepares the renderer and the post's grammars before the view renders.
  await prepareRenderer(languagesOf(markdown));
  const articles = source === 'pre-rendered' ? store(buildHtml(markdown)) : { get: () => undefined };
  return render(
    <MemoryRouter>
      <ArticleHtml.Provider value={articles}>
        <Article articleKey={KEY} markdown={markdown} assetBase={ASSET_BASE} images={{}} />
      </ArticleHtml.Provider>
    </MemoryRouter>,
  );
}

const SOURCES = ['pre-rendered', 'browser'] as const;

describe('code block labels, through the real pipeline', () => {
  it.each([
    ['python', 'Python'],
    ['console', 'Shell session'],
    ['shell', 'Shell session'],
    ['bash', 'Bash'],
    ['c', 'C'],
    ['go', 'Go'],
    ['json', 'JSON'],
    ['yaml', 'YAML'],
    ['ini', 'INI'],
    ['toml', 'TOML'],
    ['diff', 'Diff'],
    ['rust', 'Rust'],
    ['dockerfile', 'Dockerfile'],
    ['html', 'HTML'],
    // Aliases read as their language.
    ['sh', 'Bash'],
    ['rs', 'Rust'],
    ['Python', 'Python'],
    // No grammar: shown as written, case and all.
    ['zig', 'zig'],
    ['MyLang', 'MyLang'],
  ])('labels %s code "%s" on the page and on its Copy button', async (language, label) => {
    // The build's HTML, as a first visit shows it.
    const page = parseHtml(buildHtml(fence(language)));
    expect(page.querySelector('.code-block-language')?.textContent).toBe(label);
    expect(page.querySelector('button')?.getAttribute('aria-label')).toBe(`Copy code (${label})`);

    // The browser's, after a client-side navigation has loaded the post's grammars.
    const { container } = await renderArticle(fence(language), 'browser');
    expect(within(container).getByText(label, { selector: '.code-block-language' })).toBeInTheDocument();
    expect(within(container).getByRole('button', { name: `Copy code (${label})` })).toBeInTheDocument();
  });

  it('shows no label for a fence without a language, but still offers Copy', async () => {
    const { container } = await renderArticle('```\nplain text\n```\n', 'browser');
    expect(container.querySelector('.code-block-language')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
  });

  it('keeps long lines inside a focusable, scrollable pre', async () => {
    await renderArticle(fence('python'), 'browser');
    const pre = screen.getByText(/a very long line/).closest('pre')!;
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre.closest('.code-block')).not.toBeNull();
  });
});

describe.each(SOURCES)('copying code in a %s article', (source) => {
  it('copies with a real button by keyboard and says "Copied" on it and in a polite status, then "Copy" again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const writeText = stubClipboard();
    await renderArticle(fence('python'), source);
    const button = screen.getByRole('button', { name: 'Copy code (Python)' });
    // The pre before it is focusable too (it scrolls); the button comes first.
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');

    await vi.waitFor(() => expect(button).toHaveTextContent('Copied'));
    expect(writeText).toHaveBeenCalledWith(PYTHON.trimEnd());
    expect(button).toHaveAccessibleName('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied');

    await act(() => vi.advanceTimersByTimeAsync(COPIED_FOR_MS));
    expect(button).toHaveTextContent('Copy');
    expect(button).toHaveAccessibleName('Copy code (Python)');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('copies the code of the block whose button was pressed', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    await renderArticle(`${fence('bash', 'echo first\n')}\nBetween.\n\n${fence('go', 'package second\n')}`, source);
    await user.click(screen.getByRole('button', { name: 'Copy code (Go)' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('package second'));
    expect(screen.getByRole('button', { name: 'Copy code (Bash)' })).toHaveTextContent('Copy');
  });

  it('falls back to execCommand where the clipboard API is missing', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await renderArticle(fence('python'), source);
    await user.click(screen.getByRole('button', { name: /^Copy/ }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));
    expect(execCommand).toHaveBeenCalledWith('copy');
  });

  it('selects the code and says so when copying is refused', async () => {
    const user = userEvent.setup();
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    await renderArticle(fence('python'), source);
    const button = screen.getByRole('button', { name: /^Copy/ });
    await user.click(button);
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Could not copy; the code is selected instead'));
    expect(window.getSelection()?.toString()).toBe(PYTHON);
    // The button does not claim a copy that did not happen.
    expect(button).toHaveTextContent('Copy');
  });
});

describe('hydration', () => {
  /** Server HTML hydrated by the browser's tree must match, or React throws the page away and re-renders it. */
  async function hydrates(element: React.ReactElement) {
    const container = document.createElement('div');
    container.innerHTML = renderToString(element);
    document.body.append(container);
    const onRecoverableError = vi.fn();
    const root = await act(() => Promise.resolve(hydrateRoot(container, element, { onRecoverableError })));
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.querySelector('button')).toHaveTextContent('Copy');
    act(() => root.unmount());
    container.remove();
  }

  it('hydrates a pre-rendered article without a mismatch', async () => {
    const markdown = fence('console', '$ dmesg -T\n');
    await hydrates(
      <MemoryRouter>
        <ArticleHtml.Provider value={store(buildHtml(markdown))}>
          <Article articleKey={KEY} markdown={markdown} assetBase={ASSET_BASE} images={{}} />
        </ArticleHtml.Provider>
      </MemoryRouter>,
    );
  });

  it('hydrates a code block rendered in the browser without a mismatch', async () => {
    const markdown = fence('console', '$ dmesg -T\n');
    await prepareRenderer(languagesOf(markdown));
    await hydrates(<BrowserMarkdown markdown={markdown} />);
  });

  it('hydrates a bare CodeBlock', async () => {
    await hydrates(
      <CodeBlock data-label="Shell session">
        <code className="hljs language-console">$ ls</code>
      </CodeBlock>,
    );
  });
});

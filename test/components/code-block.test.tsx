import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_FOR_MS, CodeBlock, codeInfo, languageName } from '../../src/components/code-block/code-block';

const PYTHON = 'print("a very long line that should scroll inside the block, never the page")\n';

function Block({ language = 'python', text = PYTHON }: { language?: string; text?: string }) {
  return (
    <CodeBlock>
      <code className={`hljs language-${language}`}>{text}</code>
    </CodeBlock>
  );
}

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
});

describe('CodeBlock', () => {
  it.each([
    ['python', 'Python'],
    ['console', 'Shell session'],
    ['shell', 'Shell session'],
    ['bash', 'bash'],
    ['c', 'C'],
    ['go', 'Go'],
    ['json', 'JSON'],
    ['yaml', 'YAML'],
    ['ini', 'INI'],
    ['diff', 'diff'],
    ['zig', 'zig'],
  ])('labels %s code as "%s"', (language, name) => {
    render(<Block language={language} />);
    expect(screen.getByText(name, { selector: '.code-block-language' })).toBeInTheDocument();
    expect(languageName(language)).toBe(name);
  });

  it('shows no label for a fence without a language, but still offers Copy', () => {
    const { container } = render(
      <CodeBlock>
        <code>plain text</code>
      </CodeBlock>,
    );
    expect(container.querySelector('.code-block-language')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
  });

  it('copies the code with a real button and says "Copied" on it and in a polite status', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const writeText = stubClipboard();
    render(<Block />);
    const button = screen.getByRole('button', { name: 'Copy code (Python)' });
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(writeText).toHaveBeenCalledWith(PYTHON.trimEnd());
    expect(button).toHaveTextContent('Copied');
    expect(button).toHaveAccessibleName('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied');

    await act(async () => {
      vi.advanceTimersByTime(COPIED_FOR_MS);
    });
    expect(button).toHaveAccessibleName('Copy code (Python)');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('falls back to execCommand where the clipboard API is missing', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    render(<Block />);
    await user.click(screen.getByRole('button', { name: /^Copy/ }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
  });

  it('selects the code and says so when copying is refused', async () => {
    const user = userEvent.setup();
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    render(<Block />);
    await user.click(screen.getByRole('button', { name: /^Copy/ }));
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy; the code is selected instead');
    expect(window.getSelection()?.toString()).toBe(PYTHON);
  });

  it('keeps long lines inside a focusable, scrollable pre', () => {
    render(<Block />);
    const pre = screen.getByText(/a very long line/).closest('pre')!;
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre.closest('.code-block')).not.toBeNull();
  });

  it('hydrates its server HTML without a mismatch', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Block language="console" />);
    document.body.append(container);
    const onRecoverableError = vi.fn();
    const root = await act(async () => hydrateRoot(container, <Block language="console" />, { onRecoverableError }));
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.querySelector('button')).toHaveTextContent('Copy');
    act(() => root.unmount());
    container.remove();
  });
});

describe('codeInfo', () => {
  it('reads the language and text of the code inside a pre, through highlight spans', () => {
    const children = (
      <code className="hljs language-go">
        <span className="hljs-keyword">func</span> main() {'{}'}
      </code>
    );
    expect(codeInfo(children)).toEqual({ language: 'go', text: 'func main() {}' });
  });

  it('has no language for plain children', () => {
    expect(codeInfo('text')).toEqual({ text: 'text' });
  });
});

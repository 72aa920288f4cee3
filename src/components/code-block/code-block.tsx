import { type ComponentPropsWithoutRef, isValidElement, type ReactNode, useEffect, useRef, useState } from 'react';

/** How long "Copied" stays on the button before it reads "Copy" again. */
export const COPIED_FOR_MS = 2000;

/** Names readers know, for the fence languages posts use; others are shown as written. */
const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'bash',
  sh: 'sh',
  zsh: 'zsh',
  console: 'Shell session',
  shell: 'Shell session',
  shellsession: 'Shell session',
  c: 'C',
  h: 'C',
  cpp: 'C++',
  python: 'Python',
  py: 'Python',
  go: 'Go',
  golang: 'Go',
  rust: 'Rust',
  rs: 'Rust',
  javascript: 'JavaScript',
  js: 'JavaScript',
  jsx: 'JSX',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  tsx: 'TSX',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  toml: 'TOML',
  ini: 'INI',
  diff: 'diff',
  patch: 'diff',
  html: 'HTML',
  xml: 'XML',
  css: 'CSS',
  sql: 'SQL',
  dockerfile: 'Dockerfile',
  makefile: 'Makefile',
  nginx: 'nginx',
  text: 'Text',
  txt: 'Text',
  plaintext: 'Text',
};

/** The display name for a fence language (`console` -> "Shell session"); unknown ones as written. */
export function languageName(language: string): string {
  const key = language.toLowerCase();
  // An own-key check: a fence in the language `__proto__` or `constructor` is just a label.
  return Object.hasOwn(LANGUAGE_NAMES, key) ? LANGUAGE_NAMES[key]! : language;
}

/** The fence language in a `language-*` class list, lower-cased. */
export function languageFromClass(className: unknown): string | undefined {
  const match = typeof className === 'string' ? /(?:^|\s)language-(\S+)/.exec(className) : null;
  return match?.[1]?.toLowerCase();
}

/** The text of rendered children, as a reader would select it. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/**
 * What a `pre` element from react-markdown holds: the language of its `code` child and the code's
 * text. Lets the renderer send ```chart fences elsewhere before they become code blocks.
 */
export function codeInfo(children: ReactNode): { language?: string; text: string } {
  const code = Array.isArray(children) ? children.find(isValidElement) : children;
  if (!isValidElement<{ className?: string; children?: ReactNode }>(code)) return { text: textOf(children) };
  return { language: languageFromClass(code.props.className), text: textOf(code.props.children) };
}

/** Writes to the clipboard, falling back to `execCommand` where the async API is missing or refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, insecure context): try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  const active = document.activeElement as HTMLElement | null;
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus({ preventScroll: true });
  return copied;
}

type CopyState = 'idle' | 'copied' | 'failed';

export type CodeBlockProps = ComponentPropsWithoutRef<'pre'> & {
  /** react-markdown passes the hast node to custom components; it is not an HTML attribute. */
  node?: unknown;
};

/**
 * The `pre` renderer for fenced code: a bar with the language and a Copy button above the code,
 * which scrolls sideways inside the block. The first render is the same on server and client;
 * the clipboard is touched only when the button is pressed.
 */
export function CodeBlock({ node: _node, children, className, ...rest }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [state, setState] = useState<CopyState>('idle');
  const language = codeInfo(children).language;
  const name = language ? languageName(language) : undefined;

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const pre = preRef.current;
    if (!pre) return;
    const text = (pre.querySelector('code') ?? pre).textContent ?? '';
    const copied = await copyText(text.replace(/\n$/, ''));
    if (!copied) {
      // Leave the code selected so the reader can copy it with the keyboard.
      const selection = window.getSelection();
      selection?.selectAllChildren(pre.querySelector('code') ?? pre);
    }
    setState(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), COPIED_FOR_MS);
  }

  return (
    <div className="code-block">
      <div className="code-block-bar">
        {name && <span className="code-block-language">{name}</span>}
        {/* The name starts with the visible word, so speech users can say "click Copy". */}
        <button type="button" className="code-block-copy" aria-label={state === 'copied' ? 'Copied' : `Copy code${name ? ` (${name})` : ''}`} onClick={copy}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre ref={preRef} className={className} tabIndex={0} {...rest}>
        {children}
      </pre>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy; the code is selected instead' : ''}
      </span>
    </div>
  );
}

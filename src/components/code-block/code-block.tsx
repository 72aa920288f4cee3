import type { ComponentPropsWithoutRef } from 'react';

export type CodeBlockProps = ComponentPropsWithoutRef<'pre'> & {
  /** The fence's language as readers know it ("Bash", "Rust"), set by the highlight plugin. */
  'data-label'?: string;
  /** The fence's `title="…"`, usually a file name, set by the code-meta plugin. */
  'data-title'?: string;
  /** react-markdown passes the hast node to custom components; it is not an HTML attribute. */
  node?: unknown;
};

/**
 * The `pre` renderer for fenced code: a bar with the language and a Copy button above the code,
 * which scrolls sideways inside the block. Markup only: the button works through the article's
 * delegated handler (see article-behaviour), so it works the same on pre-rendered HTML that
 * React never re-renders and on posts rendered in the browser.
 */
export function CodeBlock({ node: _node, children, className, 'data-label': label, 'data-title': title, ...rest }: CodeBlockProps) {
  const named = [title, label].filter(Boolean).join(', ');
  return (
    <div className="code-block">
      <div className="code-block-bar">
        {title && <span className="code-block-title">{title}</span>}
        {label && <span className="code-block-language">{label}</span>}
        {/* The name starts with the visible word, so speech users can say "click Copy". */}
        <button type="button" className="code-block-copy" aria-label={`Copy code${named ? ` (${named})` : ''}`}>
          Copy
        </button>
      </div>
      <pre className={className} tabIndex={0} {...rest}>
        {children}
      </pre>
      <span className="visually-hidden" role="status" />
    </div>
  );
}

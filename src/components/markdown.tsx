import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import Markdown, { type Components, defaultUrlTransform } from 'react-markdown';
import { Link } from 'react-router-dom';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { FencedBlock } from './code-block/fenced-block';
import { rehypeHighlightPlugin } from './highlight';

export interface MarkdownProps {
  children: string;
  /** Site-relative folder that relative links and images resolve against, e.g. `media/posts/x/`. */
  assetBase: string;
  /** Intrinsic image sizes keyed by the URL as written, so images reserve their space before loading. */
  images?: Record<string, { width: number; height: number }>;
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
const isSitePath = (href: string) => href.startsWith('/') && !href.startsWith('//');

/**
 * Resolves a URL the way the post means it: react-markdown's safe-scheme filter first (it blanks
 * `javascript:` and other unsafe schemes), then relative paths against the post's folder.
 */
export function resolveUrl(url: string, assetBase: string): string {
  const safe = defaultUrlTransform(url);
  if (safe === '' || isExternal(safe) || safe.startsWith('#') || safe.startsWith('/')) return safe;
  return `${import.meta.env.BASE_URL}${assetBase}${safe.replace(/^\.\//, '')}`;
}

function HeadingWithAnchor({ level, id, children, ...rest }: ComponentPropsWithoutRef<'h2'> & { level: 2 | 3 | 4 }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} {...rest}>
      {children}
      {id && (
        <a className="anchor" href={`#${id}`} aria-label="Link to this section">
          #
        </a>
      )}
    </Tag>
  );
}

function components(images: MarkdownProps['images'], assetBase: string): Components {
  // react-markdown hands components the transformed URL, so sizes are looked up by that.
  const sizes = new Map(Object.entries(images ?? {}).map(([written, size]) => [resolveUrl(written, assetBase), size]));
  return {
    a({ href = '', children, node: _node, ...rest }) {
      // The URL filter blanked an unsafe link: keep its words, drop the link (an empty href reloads the page).
      if (href === '') return <span className="blocked-link">{children}</span>;
      if (isSitePath(href)) {
        // Authors write site paths from the site root; the router adds the base path and keeps it client-side.
        return <Link to={href}>{children}</Link>;
      }
      if (isExternal(href)) {
        return (
          <a href={href} {...rest} target="_blank" rel="noopener noreferrer">
            {children}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        );
      }
      return (
        <a href={href} {...rest}>
          {children}
        </a>
      );
    },
    img({ src, alt, title }) {
      const size = typeof src === 'string' ? sizes.get(src) : undefined;
      // An unsafe URL was blanked: no src at all, or the browser would fetch the page itself again.
      return <img src={typeof src === 'string' && src !== '' ? src : undefined} alt={alt ?? ''} title={title} loading="lazy" decoding="async" width={size?.width} height={size?.height} />;
    },
    h2: ({ node: _node, ...props }) => <HeadingWithAnchor level={2} {...props} />,
    h3: ({ node: _node, ...props }) => <HeadingWithAnchor level={3} {...props} />,
    h4: ({ node: _node, ...props }) => <HeadingWithAnchor level={4} {...props} />,
    pre: FencedBlock,
    table: ({ node: _node, ...props }) => (
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
        <table {...props} />
      </div>
    ),
  };
}

/**
 * The only place markdown becomes React elements. Raw HTML is never interpreted: react-markdown
 * shows it as text, and URLs pass its safe-scheme filter before anything else sees them.
 */
export function MarkdownContent({ children, assetBase, images }: MarkdownProps): ReactNode {
  return (
    <Markdown
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeSlug, rehypeHighlightPlugin]}
      urlTransform={(url) => resolveUrl(url, assetBase)}
      components={components(images, assetBase)}
    >
      {children}
    </Markdown>
  );
}

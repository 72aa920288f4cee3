import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { ComponentPropsWithoutRef } from 'react';
import type { Components } from 'react-markdown';
import { ChartBlock } from '../components/chart/chart-block.tsx';
import { FencedBlock, fenceOf } from '../components/code-block/fenced-block.tsx';
import { isExternalUrl } from './resolve-urls.ts';

type LinkProps = ComponentPropsWithoutRef<'a'> & { node?: Element; 'data-blocked'?: string };

function HeadingWithAnchor({ level, id, children, node: _node, ...rest }: ComponentPropsWithoutRef<'h2'> & { level: 2 | 3 | 4; node?: unknown }) {
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

/**
 * A table's scrollable region is named by its column headings ("Table: setting, before, after"),
 * so a post's tables are told apart in a screen reader's list of regions.
 */
function tableLabel(node: Element | undefined): string {
  const head = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'thead');
  const row = head?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tr');
  const names = (row?.children ?? []).flatMap((cell) => (cell.type === 'element' ? [toText(cell).trim()] : [])).filter(Boolean);
  return names.length > 0 ? `Table: ${names.join(', ')}` : 'Table';
}

/** A link the URL filter blocked keeps its words and loses the link. */
const BlockedLink = ({ children }: LinkProps) => <span className="blocked-link">{children}</span>;

/** A click-to-load video (see embeds.ts) in a feed, which runs no script: a plain link to the video. */
function VideoLinkInFeed({ node, children, ...rest }: ComponentPropsWithoutRef<'figure'> & { node?: Element }) {
  const watch = node?.properties.dataEmbedWatch;
  if (typeof watch !== 'string') return <figure {...rest}>{children}</figure>;
  return (
    <p>
      <a href={watch}>{String(node?.properties.dataEmbedTitle ?? 'Watch the video')}</a>
    </p>
  );
}

/** The components a post's page is rendered with, on the server and in the browser alike. */
export const pageComponents: Components = {
  a(props: LinkProps) {
    const { node: _node, children, 'data-blocked': blocked, ...rest } = props;
    if (blocked !== undefined) return <BlockedLink>{children}</BlockedLink>;
    if (rest.href && isExternalUrl(rest.href)) {
      return (
        <a {...rest} target="_blank" rel="noopener noreferrer">
          {children}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      );
    }
    return <a {...rest}>{children}</a>;
  },
  h2: (props) => <HeadingWithAnchor level={2} {...props} />,
  h3: (props) => <HeadingWithAnchor level={3} {...props} />,
  h4: (props) => <HeadingWithAnchor level={4} {...props} />,
  pre: FencedBlock,
  table: ({ node, ...props }) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={tableLabel(node)}>
      <table {...props} />
    </div>
  ),
};

/**
 * The components of a post in a feed: what a feed reader can show without the site's scripts or
 * styles. No buttons or heading anchors, charts as their SVG and table, every URL absolute.
 */
export function feedComponents(origin: string): Components {
  const absolute = (url: string | undefined) => (url && url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url);
  return {
    a(props: LinkProps) {
      const { node: _node, children, 'data-blocked': blocked, href, ...rest } = props;
      if (blocked !== undefined) return <BlockedLink>{children}</BlockedLink>;
      return (
        <a href={absolute(href)} {...rest}>
          {children}
        </a>
      );
    },
    img: ({ node: _node, src, ...rest }) => <img src={absolute(typeof src === 'string' ? src : undefined)} {...rest} />,
    video: ({ node: _node, src, ...rest }) => <video src={absolute(typeof src === 'string' ? src : undefined)} {...rest} />,
    audio: ({ node: _node, src, ...rest }) => <audio src={absolute(typeof src === 'string' ? src : undefined)} {...rest} />,
    source: ({ node: _node, src, ...rest }) => <source src={absolute(typeof src === 'string' ? src : undefined)} {...rest} />,
    figure: VideoLinkInFeed,
    pre({ node, children, 'data-label': _label, ...rest }: ComponentPropsWithoutRef<'pre'> & { node?: Element; 'data-label'?: string }) {
      const { language, text } = fenceOf(node);
      if (language === 'chart') return <ChartBlock source={text} />;
      return <pre {...rest}>{children}</pre>;
    },
  };
}

import type { Element } from 'hast';
import type { ComponentPropsWithoutRef } from 'react';
import type { Components } from 'react-markdown';
import { ChartBlock } from '../components/chart/chart-block.tsx';
import { fenceOf } from '../components/code-block/fenced-block.tsx';
import { BlockedLink, type LinkProps } from './components.tsx';

// Build only: the browser never renders a feed, so the chart drawn here stays out of its bundle.

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
    img: ({ node: _node, src, alt, ...rest }) => <img src={absolute(typeof src === 'string' ? src : undefined)} alt={alt} {...rest} />,
    // eslint-disable-next-line jsx-a11y/media-has-caption -- the post's own element passed through: its <track> children, if any, are in rest.children
    video: ({ node: _node, src, ...rest }) => <video src={absolute(typeof src === 'string' ? src : undefined)} {...rest} />,
    // eslint-disable-next-line jsx-a11y/media-has-caption -- the post's own element passed through: its <track> children, if any, are in rest.children
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

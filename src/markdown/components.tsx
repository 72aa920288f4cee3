import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { ComponentPropsWithoutRef } from 'react';
import type { Components } from 'react-markdown';
import { FencedBlock } from '../components/code-block/fenced-block.tsx';
import { isExternalUrl } from './resolve-urls.ts';

export type LinkProps = ComponentPropsWithoutRef<'a'> & { node?: Element; 'data-blocked'?: string };

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
export const BlockedLink = ({ children }: LinkProps) => <span className="blocked-link">{children}</span>;

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

import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The prefix the sanitiser puts before every id and name (GitHub's `clobberPrefix`). */
const CLOBBER_PREFIX = 'user-content-';

/**
 * Rehype plugin, after the sanitiser: footnote calls and back links point at the ids the
 * sanitiser gave their targets. remark-rehype makes footnote ids without a prefix (see
 * `remarkRehypeOptions`) so that the sanitiser's one prefix is the only one, but it does not
 * touch `href`s, so `#fn-1` must become `#user-content-fn-1` here.
 */
export function rehypeFootnoteLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || (node.properties.dataFootnoteRef === undefined && node.properties.dataFootnoteBackref === undefined)) return;
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`))
        node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    });
  };
}

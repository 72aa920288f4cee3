import type { Root } from 'mdast';

/**
 * The line that ends a post's excerpt: `<!-- more -->` (Quire, Hugo, Jekyll) or
 * `<!-- truncate -->` (Docusaurus). It marks a place; it is never shown.
 */
export const MORE_MARKER = /^<!--\s*(?:more|truncate)\s*-->$/i;

/** Index of the excerpt marker among the root's children, or -1. */
export const moreMarkerIndex = (tree: Root) => tree.children.findIndex((node) => node.type === 'html' && MORE_MARKER.test(node.value.trim()));

/** Remark plugin: removes the excerpt marker so neither the page nor a feed shows it. */
export function remarkMoreMarker() {
  return (tree: Root) => {
    const index = moreMarkerIndex(tree);
    if (index !== -1) tree.children.splice(index, 1);
  };
}

import type { Root } from 'mdast';

/**
 * The line that ends a post's excerpt: `<!-- more -->` (Quire, Hugo, Jekyll) or
 * `<!-- truncate -->` (Docusaurus). It marks a place; it is never shown.
 */
const MORE_MARKER = /^<!--\s*(?:more|truncate)\s*-->$/i;

/** Index of the excerpt marker among the root's children, or -1. */
export const moreMarkerIndex = (tree: Root) => tree.children.findIndex((node) => node.type === 'html' && MORE_MARKER.test(node.value.trim()));

/**
 * Remark plugin: removes excerpt markers so neither the page nor a feed shows them; the first
 * one ends the excerpt, and a stray second one (imports write them twice) is no more visible.
 */
export function remarkMoreMarker() {
  return (tree: Root) => {
    tree.children = tree.children.filter((node) => !(node.type === 'html' && MORE_MARKER.test(node.value.trim())));
  };
}

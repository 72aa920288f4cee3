import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Rehype plugin: raw HTML from the markdown becomes visible text, never markup. react-markdown
 * does the same after the plugins run; doing it here makes the build's tree the browser's.
 */
export function rehypeRawAsText() {
  return (tree: Root) => {
    visit(tree, 'raw', (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: 'text', value: node.value };
      return SKIP;
    });
  };
}

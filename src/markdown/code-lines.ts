import type { Element, ElementContent } from 'hast';

/**
 * Splits highlighted code into lines. highlight.js wraps tokens in spans that may run over
 * several lines (a block comment, a string); a line's markup gets its own copy of every span
 * open on it, so each line is a complete fragment and the spans still colour what they did.
 * The newlines themselves are left out: the caller puts them back between the lines, outside
 * the line elements, so the text (and a reader's selection) is the code exactly.
 */
export function splitLines(nodes: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else if (node.type === 'element') {
      splitLines(node.children).forEach((children, index) => {
        if (index > 0) lines.push([]);
        if (children.length > 0) lines.at(-1)!.push({ ...node, properties: { ...node.properties }, children } satisfies Element);
      });
    } else {
      lines.at(-1)!.push(node);
    }
  }
  return lines;
}

/** The text of a line's markup. */
export function lineText(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? lineText(node.children) : '')).join('');
}

import type { Root, Text } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Characters a dollar span may hold and still read the same as plain text: when a span made of
 * only these is turned back into text, the post renders exactly as it would without the math
 * plugins, so the browser need not load them for it.
 */
const PLAIN = /^[\p{L}\p{N}\s$.,;:!?%'"()/-]*$/u;

/** Set on the file when a dollar span that was not math held markdown (the browser then needs the math plugins to match the build). */
export const DOLLAR_TEXT_FLAG = 'quireDollarText';

/**
 * Remark plugin: `$…$` is math only when it reads as math, after Pandoc's rule: the text inside
 * neither starts nor ends with a space and the closing `$` is not followed by a digit. So
 * "between $5 and $10" stays prose, while `$E=mc^2$` and `$x$-axis` are math. A span that fails
 * the rule becomes its source text again (markdown inside it is then shown as written).
 * `$$…$$` spans are always math.
 */
export function remarkMathDollars() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
      if (!parent || index === undefined) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || source.slice(start, start + 2) === '$$') return;
      const inside = source.slice(start + 1, end - 1);
      const after = source[end];
      if (!/^\s|\s$/.test(inside) && !(after !== undefined && /\d/.test(after))) return;
      const text: Text = { type: 'text', value: source.slice(start, end), position: node.position };
      if (!PLAIN.test(text.value)) file.data[DOLLAR_TEXT_FLAG] = true;
      parent.children[index] = text;
    });
  };
}

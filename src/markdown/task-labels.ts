import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

const isCheckbox = (node: ElementContent): node is Element => node.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';

/**
 * Rehype plugin: a task list's checkbox is named by its item's words (without nested lists), so
 * a screen reader says "Check the swap size, checked" rather than an unnamed checkbox.
 */
export function rehypeTaskLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'li') return;
      // The checkbox sits at the start of the item, or of its first paragraph in a loose list.
      const first = node.children.find((child) => child.type === 'element');
      const holder = first?.type === 'element' && first.tagName === 'p' ? first : node;
      const checkbox = holder.children.find(isCheckbox);
      if (!checkbox) return;
      const words = holder.children.filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')));
      const label = words
        .map((child) => toText(child))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (label) checkbox.properties.ariaLabel = label;
    });
  };
}

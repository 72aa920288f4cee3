import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { type Highlighter, fenceLabel } from './highlighter.ts';

/** The fence language of a `<code>` element, from its `language-*` class, as written. */
export function codeLanguage(node: Element): string | undefined {
  const classes = node.properties.className;
  const match = Array.isArray(classes) ? classes.find((name) => String(name).startsWith('language-')) : undefined;
  return match ? String(match).slice('language-'.length) : undefined;
}

/**
 * Rehype plugin: fenced code in a registered language is highlighted, and every fence with a
 * language gets `data-label` on its `pre`, the name its code block shows ("Bash", "Rust").
 */
export function rehypeHighlight({ highlighter }: { highlighter: Highlighter }) {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = codeLanguage(node);
      if (!language) return;
      parent.properties.dataLabel = fenceLabel(language, highlighter.language(language));
      const children = highlighter.highlight(language, toText(node, { whitespace: 'pre' }));
      if (!children) return;
      node.children = children;
      node.properties.className = ['hljs', `language-${language}`];
    });
  };
}

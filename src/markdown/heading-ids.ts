import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;

/** A footnote call (`[^1]`) as remark-rehype writes it: `<sup><a data-footnote-ref>1</a></sup>`. */
const isFootnoteCall = (node: Element) =>
  node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined);

/**
 * A heading's words as its title: footnote calls and images are not part of it, so
 * `## Setup[^1]` is "Setup" in the table of contents and gets the id `setup`.
 */
export function headingText(node: Element): string {
  const parts: string[] = [];
  const stack: ElementContent[] = [...node.children].reverse();
  for (let child = stack.pop(); child; child = stack.pop()) {
    if (child.type === 'text') parts.push(child.value);
    else if (child.type === 'element' && child.tagName !== 'img' && !isFootnoteCall(child)) stack.push(...[...child.children].reverse());
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Rehype plugin: GitHub-style ids for headings that have none, from their words (see headingText). */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id !== undefined) return;
      node.properties.id = slugger.slug(headingText(node));
    });
  };
}

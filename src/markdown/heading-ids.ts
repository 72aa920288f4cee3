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

/**
 * Ids the page itself uses around an article (the skip link's target, the app's root, the state
 * script) and lower-case globals that bundled libraries probe for (`typeof process`): a heading id
 * equal to one would take the page's element's place, or appear as that global.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  'main',
  'root',
  'quire-state',
  'post-title',
  'error-title',
  'recent-heading',
  'related-heading',
  'search-recent',
  'process',
  'global',
  'module',
  'exports',
  'require',
  'define',
]);

/** Prefixes of ids the page makes (post cards) or the sanitiser gives an author's own ids. */
const RESERVED_PREFIXES = ['card-', 'user-content-'];

const isReserved = (id: string) => RESERVED_IDS.has(id) || RESERVED_PREFIXES.some((prefix) => id.startsWith(prefix));

/**
 * Rehype plugin: GitHub-style ids for headings that have none, from their words (see
 * headingText). Runs after the sanitiser, so deep links stay readable (`#swap-settings`); an id
 * the page or the sanitiser could also make gets `section-` in front (`## Main` is `#section-main`).
 */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id !== undefined) return;
      const text = headingText(node);
      const id = slugger.slug(text);
      node.properties.id = isReserved(id) ? slugger.slug(`section-${text}`) : id;
    });
  };
}

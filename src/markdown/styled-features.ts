import type { Element } from 'hast';

/**
 * Features of a post that need styles beyond the main stylesheet (src/markdown/feature-styles.ts
 * links them): callouts, code blocks with titles or line options, and the raw HTML elements and
 * video embeds that raw-html.css styles. Math and diagrams are features by their own rules.
 */
export type StyledFeature = 'callout' | 'code-lines' | 'html';

/** The elements raw-html.css styles, as authors write them in a post. */
const STYLED_ELEMENTS = new Set(['kbd', 'mark', 'abbr', 'details', 'summary', 'figure', 'figcaption', 'video', 'audio']);

/** What the pipeline's own markup names with these classes needs. */
const STYLED_CLASSES: Record<string, StyledFeature> = {
  callout: 'callout',
  'code-line': 'code-lines',
  embed: 'html',
};

/** The styled feature an element of the finished tree is part of, if any. */
export function styledFeature(element: Element): StyledFeature | undefined {
  if (STYLED_ELEMENTS.has(element.tagName)) return 'html';
  // The code block's bar shows the title (src/components/code-block/).
  if (element.tagName === 'pre' && element.properties.dataTitle !== undefined) return 'code-lines';
  const classes = element.properties.className;
  if (!Array.isArray(classes)) return undefined;
  for (const name of classes) if (typeof name === 'string' && Object.hasOwn(STYLED_CLASSES, name)) return STYLED_CLASSES[name];
  return undefined;
}

/** Features whose markup needs code in the browser (src/components/article/writing-behaviour.ts). */
const ARTICLE_CODE_FEATURES = new Set(['mermaid', 'code-lines', 'html']);

/** Whether an article with these features needs the writing behaviour: a plain post does not load it. */
export const needsArticleCode = (features: readonly string[]): boolean => features.some((feature) => ARTICLE_CODE_FEATURES.has(feature));

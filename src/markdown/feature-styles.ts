// Vite's `?url` suffix hides the files (src/styles) from the boundaries plugin's resolver.
// eslint-disable-next-line boundaries/no-unknown-dependencies
import rawHtmlStylesUrl from '../styles/raw-html.css?url';
// eslint-disable-next-line boundaries/no-unknown-dependencies
import writingStylesUrl from '../styles/writing.css?url';
import type { StyledFeature } from './styled-features.ts';
import { KATEX_STYLESHEET } from './math-styles.ts';

/** Vite's URL for a stylesheet, which includes the base path, as a site-relative path. */
const siteRelative = (url: string) => (url.startsWith(import.meta.env.BASE_URL) ? url.slice(import.meta.env.BASE_URL.length) : url.replace(/^\//, ''));

/**
 * The styles of what writers add beyond plain markdown are not in the main stylesheet: a post
 * that uses none of them downloads none of them. Each is a file of its own (hashed by Vite, so
 * cached as immutable), linked from the pages whose article has the feature.
 */
const WRITING = siteRelative(writingStylesUrl);
const RAW_HTML = siteRelative(rawHtmlStylesUrl);
const STYLESHEETS: Record<StyledFeature | 'math' | 'mermaid', string[]> = {
  math: [KATEX_STYLESHEET, WRITING],
  mermaid: [WRITING],
  callout: [WRITING],
  'code-lines': [WRITING],
  html: [RAW_HTML],
};

/** The stylesheets a page showing an article with these features links, in a fixed order; none for a plain post. */
export function featureStylesheets(features: readonly string[]): string[] | undefined {
  const sheets = new Set(features.flatMap((feature) => (Object.hasOwn(STYLESHEETS, feature) ? STYLESHEETS[feature as keyof typeof STYLESHEETS] : [])));
  return sheets.size > 0 ? [...sheets].sort() : undefined;
}

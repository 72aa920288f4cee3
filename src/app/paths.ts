import { SEARCH_PATTERN, searchHref } from '../search/search-href.ts';

/**
 * Every route pattern and the href builder that goes with it, in one place. Hrefs end in a slash
 * so that each page maps to a folder's index.html on any static host without a redirect.
 */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  page: { pattern: '/page/:page', href: (page: number) => (page <= 1 ? '/' : `/page/${page}/`) },
  post: { pattern: '/posts/:slug', href: (slug: string) => `/posts/${slug}/` },
  tags: { pattern: '/tags', href: () => '/tags/' },
  tag: {
    pattern: '/tags/:tag',
    pagePattern: '/tags/:tag/page/:page',
    href: (tag: string, page = 1) => (page <= 1 ? `/tags/${tag}/` : `/tags/${tag}/page/${page}/`),
  },
  archive: { pattern: '/archive', href: () => '/archive/' },
  seriesList: { pattern: '/series', href: () => '/series/' },
  series: { pattern: '/series/:name', href: (slug: string) => `/series/${slug}/` },
  about: { pattern: '/about', href: () => '/about/' },
  search: { pattern: SEARCH_PATTERN, href: searchHref },
  /** Blogger's address of a label; it leads to the tag's page. */
  label: { pattern: `${SEARCH_PATTERN}/label/:name`, href: (name: string) => `${SEARCH_PATTERN}/label/${name}` },
} as const;

/**
 * The top-level folders the site's pages live in (`posts/*`, `tags/*`, …), from the route
 * patterns: what the static host's header rules and anything else per-folder must cover.
 */
export function pageFolders(): string[] {
  const first = Object.values(paths).flatMap((path) =>
    [path.pattern, ...('pagePattern' in path ? [path.pagePattern] : [])].map((pattern) => pattern.split('/')[1] ?? ''),
  );
  return [...new Set(first.filter((segment) => segment !== '' && !segment.startsWith(':')))];
}

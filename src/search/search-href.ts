/**
 * The address of the search page for a query: `/search/?q=oom+killer`. Ends in a slash like every
 * other href, so it maps to a folder's index.html on any static host.
 */
export function searchHref(query = ''): string {
  return query.trim() === '' ? '/search/' : `/search/?${new URLSearchParams({ q: query })}`;
}

/** The route pattern the search page is served at. */
export const SEARCH_PATTERN = '/search';

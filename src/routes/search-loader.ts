import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router-dom';

// Apart from the search page's view, which loads lazily: the loader starts the engine at once.

const queryOf = (url: URL | string) => new URL(url, 'http://localhost').searchParams.get('q') ?? '';

/**
 * Loads the engine, and the results for `?q=`, so a shared or bookmarked search opens complete.
 * Not on the server: the engine is a worker handle that cannot be serialised into the page, so
 * a pre-rendered search page is the empty shell and the browser loads the engine on hydration.
 */
export const searchLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    if (import.meta.env.SSR) return null;
    // The search code comes with the first search, not with every page.
    const { PAGE_LIMIT, searchIndexQuery, searchResultsQuery } = await import('../search/queries');
    const query = queryOf(request.url);
    const client = await queryClient.ensureQueryData(searchIndexQuery());
    if (query.trim() !== '') await queryClient.ensureQueryData(searchResultsQuery(client, query, PAGE_LIMIT));
    return null;
  };

/**
 * Typing on the page rewrites `?q=`; the page fetches those results itself, so neither the
 * loader nor the navigation progress bar need run on every keystroke.
 */
export function searchShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  const path = (url: URL) => url.pathname.replace(/\/+$/, '');
  return path(currentUrl) === path(nextUrl) ? false : defaultShouldRevalidate;
}

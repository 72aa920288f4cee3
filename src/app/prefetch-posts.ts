import type { QueryClient } from '@tanstack/react-query';
import type { ArticleStore } from '../components/article/article-html';
import { articleKey } from '../content/files';
import { postQuery } from '../content/queries';
import { prepareRenderer } from '../markdown/renderer';

const POST_PATH = /^posts\/([^/]+)\/?$/;

/**
 * Gets a post ready while the reader's pointer or focus is on a link to it: its data, and the
 * markdown renderer with the post's grammars, so the click renders at once. (The renderer's
 * files are also fetched when the browser is idle, through `<link rel="prefetch">` in the page.)
 */
export function prefetchPostsOnIntent(queryClient: QueryClient, articles: ArticleStore) {
  const base = import.meta.env.BASE_URL;
  const started = new Set<string>();
  const onIntent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin || !link.pathname.startsWith(base)) return;
    const slug = POST_PATH.exec(decodeURIComponent(link.pathname.slice(base.length)))?.[1];
    if (!slug || started.has(slug) || articles.get(articleKey.post(slug)) !== undefined) return;
    started.add(slug);
    void queryClient
      .fetchQuery(postQuery(slug))
      .then((data) => prepareRenderer(data.languages, data.features))
      // A failed prefetch is retried by the navigation itself, which shows the error if it persists.
      .catch(() => started.delete(slug));
  };
  document.addEventListener('pointerover', onIntent, { passive: true });
  document.addEventListener('focusin', onIntent);
}

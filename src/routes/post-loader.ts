import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import type { ArticleStore } from '../components/article/article-html';
import { articleKey } from '../content/files';
import { postQuery } from '../content/queries';
import { SLUG_PATTERN } from '../content/slug';
import { loadRenderer, prepareRenderer } from '../markdown/renderer';
import { notFound } from './not-found';
import { orNotFound } from './page-number';

/**
 * Loads what an article needs before its view renders: its data and, unless the page already
 * holds its pre-rendered HTML, the markdown renderer, the post's grammars and its features' code
 * and styles (KaTeX for math), fetched in parallel.
 */
export async function loadArticle<T extends { languages: string[]; features: string[] }>(
  articles: ArticleStore,
  key: string,
  load: () => Promise<T>,
): Promise<void> {
  const needsRenderer = !import.meta.env.SSR && articles.get(key) === undefined;
  if (needsRenderer) void loadRenderer();
  const data = await orNotFound(load);
  if (needsRenderer) await prepareRenderer(data.languages, data.features);
}

/**
 * Kept apart from the post view so the fetch starts at once, while the view's code is still
 * downloading.
 */
export const postLoader =
  (queryClient: QueryClient, articles: ArticleStore) =>
  async ({ params }: LoaderFunctionArgs) => {
    const slug = params.slug ?? '';
    if (!SLUG_PATTERN.test(slug)) notFound();
    await loadArticle(articles, articleKey.post(slug), () => queryClient.ensureQueryData(postQuery(slug)));
    return null;
  };

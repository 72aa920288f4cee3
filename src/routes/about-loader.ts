import type { QueryClient } from '@tanstack/react-query';
import type { ArticleStore } from '../components/article/article-html';
import { articleKey } from '../content/files';
import { aboutQuery } from '../content/queries';
import { loadArticle } from './post-loader';

/** Apart from the about view, so the fetch starts at once. */
export const aboutLoader = (queryClient: QueryClient, articles: ArticleStore) => async () => {
  await loadArticle(articles, articleKey.about, () => queryClient.ensureQueryData(aboutQuery()));
  return null;
};

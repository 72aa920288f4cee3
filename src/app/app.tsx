import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import type { DataRouter } from 'react-router-dom';
import { RouterProvider } from 'react-router-dom';
import { ArticleHtml, type ArticleStore, noArticles } from '../components/article/article-html';

/** Marks the document once React has taken over the pre-rendered page, for tests and styles. */
function useReadyMarker() {
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
}

/** The providers around the router: one QueryClient for the whole app, and the page's pre-rendered articles. */
export function App({ queryClient, router, articles = noArticles }: { queryClient: QueryClient; router: DataRouter; articles?: ArticleStore }) {
  useReadyMarker();
  return (
    <StrictMode>
      <ArticleHtml.Provider value={articles}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ArticleHtml.Provider>
    </StrictMode>
  );
}

import { hydrate } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { type RouteObject, createBrowserRouter, matchRoutes } from 'react-router-dom';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { prefetchPostsOnIntent } from './app/prefetch-posts';
import type { HydrationState } from './app/hydration-state';
import { createRoutes } from './app/routes';
import type { ArticleStore } from './components/article/article-html';
import { CONTENT_UPDATE_EVENT } from './content/files';
import './styles/global.css';
import './styles/reading.css';
import './styles/pictures.css';

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/** The state the pre-renderer left in the page, if this page was pre-rendered. */
function readState(): HydrationState | undefined {
  const element = document.getElementById('quire-state');
  return element?.textContent ? (JSON.parse(element.textContent) as HydrationState) : undefined;
}

/**
 * The articles the page was pre-rendered with, taken from the page itself: React keeps them as
 * they are instead of rendering them again from markdown.
 */
function readArticles(): ArticleStore {
  const articles = new Map<string, string>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-article]')) {
    if (element.dataset.article) articles.set(element.dataset.article, element.innerHTML);
  }
  return { get: (key) => articles.get(key) };
}

/** Lazy routes matched by the first URL must be loaded before hydrating, or React would see a fallback. */
async function loadLazyRoutes(routes: RouteObject[]) {
  const matches = matchRoutes(routes, window.location, basename) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
}

async function start() {
  const queryClient = createQueryClient();
  const articles = readArticles();
  const routes = createRoutes(queryClient, articles);
  const state = readState();
  const root = document.getElementById('root')!;
  prefetchPostsOnIntent(queryClient, articles);
  if (state) {
    hydrate(queryClient, state.queries);
    await loadLazyRoutes(routes);
    // A not-found page is served by the host at any URL: hydrate it as the error it was rendered as.
    const hydrationData = state.status === 404 ? { loaderData: { root: null }, errors: state.router.errors } : state.router;
    const router = createBrowserRouter(routes, { basename, hydrationData });
    // As a transition, hydration yields to the browser every few milliseconds instead of
    // blocking it in one long task, and input during it is handled first.
    startTransition(() => {
      hydrateRoot(root, <App queryClient={queryClient} router={router} articles={articles} />);
    });
    return { queryClient, router };
  }
  const router = createBrowserRouter(routes, { basename });
  createRoot(root).render(<App queryClient={queryClient} router={router} />);
  return { queryClient, router };
}

const app = start();

if (import.meta.hot) {
  // The dev server says a post changed: refetch what is on screen, no reload.
  const refresh = async () => {
    const { queryClient, router } = await app;
    await queryClient.invalidateQueries({ queryKey: ['quire'] });
    await router.revalidate();
  };
  import.meta.hot.on(CONTENT_UPDATE_EVENT, (update?: { ok: boolean }) => {
    // The content builds again: the error overlay of the broken post is out of date.
    if (update?.ok) document.querySelectorAll<HTMLElement & { close?: () => void }>('vite-error-overlay').forEach((overlay) => overlay.close?.());
    void refresh();
  });
}

import { hydrate } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { type RouteObject, createBrowserRouter, matchRoutes } from 'react-router-dom';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { createRoutes } from './app/routes';
import { CONTENT_UPDATE_EVENT } from './content/files';
import type { HydrationState } from './prerender/render-page';
import './styles/global.css';
import './styles/reading.css';

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/** The state the pre-renderer left in the page, if this page was pre-rendered. */
function readState(): HydrationState | undefined {
  const element = document.getElementById('quire-state');
  return element?.textContent ? (JSON.parse(element.textContent) as HydrationState) : undefined;
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
  const routes = createRoutes(queryClient);
  const state = readState();
  const root = document.getElementById('root')!;
  if (state) {
    hydrate(queryClient, state.queries);
    await loadLazyRoutes(routes);
    // A not-found page is served by the host at any URL: hydrate it as the error it was rendered as.
    const hydrationData = state.status === 404 ? { loaderData: { root: null }, errors: state.router.errors } : state.router;
    const router = createBrowserRouter(routes, { basename, hydrationData: hydrationData as never });
    hydrateRoot(root, <App queryClient={queryClient} router={router} />);
    return { queryClient, router };
  }
  const router = createBrowserRouter(routes, { basename });
  createRoot(root).render(<App queryClient={queryClient} router={router} />);
  return { queryClient, router };
}

const app = start();

if (import.meta.hot) {
  // The dev server says a post changed: refetch what is on screen, no reload.
  import.meta.hot.on(CONTENT_UPDATE_EVENT, async () => {
    const { queryClient, router } = await app;
    await queryClient.invalidateQueries({ queryKey: ['quire'] });
    await router.revalidate();
  });
}

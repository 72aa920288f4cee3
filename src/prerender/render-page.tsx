import { QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { StaticRouterProvider, createStaticHandler, createStaticRouter, isRouteErrorResponse } from 'react-router-dom';
import { type HeadCollector, HeadContext } from '../app/head';
import type { HydrationState } from '../app/hydration-state';
import { createQueryClient } from '../app/query-client';
import { createRoutes } from '../app/routes';
import { ArticleHtml, type ArticleStore } from '../components/article/article-html';
import { defaultSite } from '../content/site-defaults';
import { HeadTags, PageStylesheets, scriptJson } from './head-tags';

export interface RenderedPage {
  status: number;
  /** Markup for inside `<head>`. */
  head: string;
  /** The page's own stylesheets, for the end of `<head>`, after the main one. */
  styles: string;
  /** The features of the article it shows, if any (what its scripts are chosen by). */
  features: string[];
  /** Markup for inside `<div id="root">`. */
  app: string;
  /** JSON for the `<script type="application/json" id="quire-state">` the client hydrates from. */
  state: string;
}

/** Route errors as plain data: 404 responses keep the shape `isRouteErrorResponse` recognises. */
function serializeErrors(errors: Record<string, unknown> | null) {
  if (!errors) return null;
  return Object.fromEntries(
    Object.entries(errors).map(([id, error]) => [
      id,
      isRouteErrorResponse(error)
        ? { status: error.status, statusText: error.statusText, internal: false, data: null }
        : { message: error instanceof Error ? error.message : String(error) },
    ]),
  );
}

/**
 * The dehydrated queries without the markdown of articles: the page carries their HTML, which the
 * browser keeps, so sending the markdown too would only make the page bigger.
 */
function withoutMarkdown(state: ReturnType<typeof dehydrate>): ReturnType<typeof dehydrate> {
  return {
    ...state,
    queries: state.queries.map((query) => {
      const data = query.state.data;
      if (typeof data !== 'object' || data === null || !('markdown' in data)) return query;
      return { ...query, state: { ...query.state, data: { ...data, markdown: '' } } };
    }),
  };
}

/**
 * Renders one URL of the site to HTML with the same routes, loaders and components as the
 * browser. Data comes through `fetch`, which the pre-renderer points at the built files; article
 * bodies come from `articles`, the HTML the content pipeline wrote.
 */
export async function renderPage(url: string, base: string, articles: ArticleStore): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  const handler = createStaticHandler(createRoutes(queryClient, articles), { basename: base.replace(/\/$/, '') || '/' });
  const context = await handler.query(new Request(new URL(url, 'http://quire.local')));
  if (context instanceof Response) throw new Error(`${url} redirects to ${context.headers.get('location')}; nothing to pre-render`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const collector: HeadCollector = {};
  const app = renderToString(
    <HeadContext.Provider value={collector}>
      <ArticleHtml.Provider value={articles}>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </ArticleHtml.Provider>
    </HeadContext.Provider>,
  );
  const site = collector.site ?? defaultSite;
  const pageHead = collector.head ?? { path: url };
  const head = renderToStaticMarkup(<HeadTags head={pageHead} site={site} base={base} />);
  const styles = renderToStaticMarkup(<PageStylesheets head={pageHead} base={base} />);
  const state: HydrationState = {
    status: context.statusCode,
    queries: withoutMarkdown(dehydrate(queryClient)),
    router: { loaderData: context.loaderData, errors: serializeErrors(context.errors) },
  };
  // Cached queries hold garbage-collection timers that would keep the build process alive.
  queryClient.clear();
  return { status: context.statusCode, head, styles, features: pageHead.features ?? [], app, state: scriptJson(state) };
}

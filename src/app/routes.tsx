import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { type ArticleStore, noArticles } from '../components/article/article-html';
import { aboutLoader } from '../routes/about-loader';
import { Home, homeLoader } from '../routes/home';
import { archiveLoader, seriesListLoader, seriesLoader, tagLoader, tagsLoader } from '../routes/listing-loaders';
import { NotFound, notFound } from '../routes/not-found';
import { postLoader } from '../routes/post-loader';
import { Root, RootError, RootFallback, rootLoader } from '../routes/root';
import { RouteError } from '../routes/route-error';
import { searchLoader, searchShouldRevalidate } from '../routes/search-loader';
import { paths } from './paths';

/** Views other than the home page load on first use: the first load of any page carries only its own. */
const tagView = async () => ({ Component: (await import('../routes/tag')).TagPosts });

/**
 * The one route table, used by the browser router, the server renderer and the tests alike.
 * `articles` holds the pre-rendered article HTML the page came with, if any.
 */
export function createRoutes(queryClient: QueryClient, articles: ArticleStore = noArticles): RouteObject[] {
  return [
    {
      id: 'root',
      path: '/',
      loader: rootLoader(queryClient),
      element: <Root />,
      hydrateFallbackElement: <RootFallback />,
      errorElement: <RootError />,
      children: [
        {
          id: 'pages',
          errorElement: <RouteError />,
          children: [
            { id: 'home', index: true, loader: homeLoader(queryClient), element: <Home /> },
            { id: 'page', path: paths.page.pattern, loader: homeLoader(queryClient), element: <Home /> },
            {
              // The post view's code loads only when a post is opened, while its loader starts the
              // data fetch (and, after a client-side navigation, the markdown renderer's) at once.
              id: 'post',
              path: paths.post.pattern,
              loader: postLoader(queryClient, articles),
              lazy: async () => ({ Component: (await import('../routes/post')).Post }),
            },
            { id: 'tags', path: paths.tags.pattern, loader: tagsLoader(queryClient), lazy: async () => ({ Component: (await import('../routes/tags')).Tags }) },
            { id: 'tag', path: paths.tag.pattern, loader: tagLoader(queryClient), lazy: tagView },
            { id: 'tag-page', path: paths.tag.pagePattern, loader: tagLoader(queryClient), lazy: tagView },
            {
              id: 'series-list',
              path: paths.seriesList.pattern,
              loader: seriesListLoader(queryClient),
              lazy: async () => ({ Component: (await import('../routes/series')).SeriesList }),
            },
            {
              id: 'series',
              path: paths.series.pattern,
              loader: seriesLoader(queryClient),
              lazy: async () => ({ Component: (await import('../routes/series')).SeriesPosts }),
            },
            {
              id: 'archive',
              path: paths.archive.pattern,
              loader: archiveLoader(queryClient),
              lazy: async () => ({ Component: (await import('../routes/archive')).Archive }),
            },
            {
              id: 'about',
              path: paths.about.pattern,
              loader: aboutLoader(queryClient, articles),
              lazy: async () => ({ Component: (await import('../routes/about')).About }),
            },
            {
              id: 'search',
              path: paths.search.pattern,
              loader: searchLoader(queryClient),
              // Typing on the page rewrites ?q=; the page fetches those results itself.
              shouldRevalidate: searchShouldRevalidate,
              lazy: async () => ({ Component: (await import('../routes/search')).Search }),
            },
            // The slugger is only needed here: loaded with the route, not with every page.
            { id: 'label', path: paths.label.pattern, lazy: async () => ({ loader: (await import('../routes/label-redirect')).labelRedirectLoader }) },
            // Unknown URLs fail like unknown slugs, so every not-found page is the same tree and
            // the pre-rendered 404.html hydrates at whatever URL the host serves it.
            { id: 'not-found', path: '*', loader: notFound, element: <NotFound /> },
          ],
        },
      ],
    },
  ];
}

/**
 * Server entry, bundled by `vite build --ssr` and run by scripts/build.mjs once the client is
 * built: renders every route to HTML and writes the feeds and sitemap.
 */
export { writeFeeds } from './prerender/feeds';
export { contentSecurityPolicy, writeHeaders } from './prerender/headers';
export { renderPage } from './prerender/render-page';
export { siteRoutes, writeSitemap } from './prerender/site-map';

/**
 * The base path a site is built for, from `BASE_PATH` (`/blog/`, `blog`, `/blog` all mean
 * `/blog/`): it always starts and ends with a slash. The one place it is worked out: Vite's
 * `base` comes from here, and the browser, the plugin and the pre-renderer all read Vite's.
 */
export function normaliseBasePath(value = '/'): string {
  const trimmed = value.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

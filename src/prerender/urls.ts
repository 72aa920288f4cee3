/**
 * Absolute URL of a path under the site root, for canonical links, feeds and the sitemap.
 * `siteUrl` may or may not already end with the base path; either way the base appears once.
 */
export function absoluteUrl(siteUrl: string, base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const origin = new URL(siteUrl);
  const prefix = origin.pathname.replace(/\/$/, '').endsWith(base.replace(/\/$/, ''))
    ? origin.pathname.replace(/\/$/, '')
    : `${origin.pathname.replace(/\/$/, '')}${base.replace(/\/$/, '')}`;
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return `${origin.origin}${prefix}${rooted}`;
}

import { paths } from '../app/paths';
import type { Manifest, Site } from '../content/schema';
import { absoluteUrl } from './urls';

/** Every URL the pre-renderer writes a page for (the not-found page aside), with its last change. */
export function siteRoutes(manifest: Manifest, pageCount: number): { path: string; modified?: string }[] {
  const { posts } = manifest;
  const newest = posts[0] ? (posts[0].updated ?? posts[0].date) : undefined;
  return [
    { path: paths.home.href(), modified: newest },
    ...Array.from({ length: pageCount - 1 }, (_, index) => ({ path: paths.page.href(index + 2) })),
    ...posts.map((post) => ({ path: paths.post.href(post.slug), modified: post.updated ?? post.date })),
  ];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/** `sitemap.xml` (every page, posts with their last modification) and a `robots.txt` pointing to it. */
export function writeSitemap(manifest: Manifest, pageCount: number, base: string): Map<string, string> {
  const files = new Map<string, string>();
  const site: Site = manifest.site;
  if (!site.url) return files;
  const siteUrl = site.url;
  const entries = siteRoutes(manifest, pageCount).map(({ path, modified }) => {
    const lastmod = modified ? `<lastmod>${escapeXml(modified)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(absoluteUrl(siteUrl, base, path))}</loc>${lastmod}</url>`;
  });
  files.set('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`);
  files.set('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(siteUrl, base, '/sitemap.xml')}\n`);
  return files;
}

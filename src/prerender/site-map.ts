import { paths } from '../app/paths.ts';
import type { Manifest, Site, Tag } from '../content/schema.ts';
import { absoluteUrl } from './urls.ts';

/** What the build wrote that decides which pages exist. */
export interface SiteShape {
  manifest: Manifest;
  /** Pages of the home listing. */
  pageCount: number;
  tags: Tag[];
  about: boolean;
  /** Every series (absent from builds before series existed). */
  series?: { slug: string }[];
}

const pagesAfterFirst = (count: number, href: (page: number) => string) =>
  Array.from({ length: Math.max(0, count - 1) }, (_, index) => ({ path: href(index + 2) }));

/** Every URL the pre-renderer writes a page for (the not-found page aside), with its last change. */
export function siteRoutes({ manifest, pageCount, tags, about, series = [] }: SiteShape): { path: string; modified?: string; unlisted?: boolean }[] {
  const { posts, site } = manifest;
  const newest = posts[0] ? (posts[0].updated ?? posts[0].date) : undefined;
  return [
    { path: paths.home.href(), modified: newest },
    ...pagesAfterFirst(pageCount, paths.page.href),
    ...posts.map((post) => ({ path: paths.post.href(post.slug), modified: post.updated ?? post.date })),
    { path: paths.tags.href() },
    ...tags.flatMap((tag) => [
      { path: paths.tag.href(tag.slug) },
      ...pagesAfterFirst(Math.ceil(tag.count / site.postsPerPage), (page) => paths.tag.href(tag.slug, page)),
    ]),
    ...(series.length > 0 ? [{ path: paths.seriesList.href() }, ...series.map((one) => ({ path: paths.series.href(one.slug) }))] : []),
    { path: paths.archive.href(), modified: newest },
    ...(about ? [{ path: paths.about.href() }] : []),
    // The search page's shell, so /search/?q=... loads on any static host; not content to index.
    { path: paths.search.href(), unlisted: true },
  ];
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/** `sitemap.xml` (every page, posts with their last modification) and a `robots.txt` pointing to it. */
export function writeSitemap(shape: SiteShape, base: string): Map<string, string> {
  const files = new Map<string, string>();
  const site: Site = shape.manifest.site;
  if (!site.url) return files;
  const siteUrl = site.url;
  const entries = siteRoutes(shape)
    .filter((route) => !route.unlisted)
    .map(({ path, modified }) => {
      const lastmod = modified ? `<lastmod>${escapeXml(modified)}</lastmod>` : '';
      return `  <url><loc>${escapeXml(absoluteUrl(siteUrl, base, path))}</loc>${lastmod}</url>`;
    });
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`,
  );
  files.set('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(siteUrl, base, '/sitemap.xml')}\n`);
  return files;
}

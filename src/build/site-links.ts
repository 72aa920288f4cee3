import { paths, pageFolders } from '../app/paths.ts';
import { DATA_VERSION, type PostMeta, type Site, type Tag } from '../content/schema.ts';
import { MEDIA_DIR } from '../content/files.ts';
import { tagSlug } from '../content/tags.ts';
import { siteRoutes } from '../prerender/site-map.ts';
import type { SiteLink } from './process-markdown.ts';
import type { ContentProblem } from './problems.ts';
import type { Alias } from './read-post.ts';

/** A page of the built site that sends the reader on to another: an old address of a post, a Blogger label. */
export interface Redirect {
  /** The old path, as a link to it is written: `/2021/05/old.html`, `/search/label/Linux`. */
  from: string;
  /** Where the page is written under the output folder: `2021/05/old.html`, `search/label/Linux/index.html`. */
  file: string;
  /** The path it sends readers to, from the site root: `/posts/old/`. */
  to: string;
  /** What the reader is sent to, for the page's title and link. */
  title: string;
}

/** What the link check needs from one published post. */
interface LinkedPost {
  meta: PostMeta;
  file: string;
  aliases?: Alias[];
  siteLinks?: SiteLink[];
}

export interface SiteLinksInput {
  site: Site;
  /** Published posts, newest first. */
  posts: LinkedPost[];
  /** Files of the content folder published under `/media/`, relative and POSIX-style. */
  assets: string[];
  /** The about page, when there is one, with its links. */
  about?: { file: string; siteLinks?: SiteLink[] };
}

export interface SiteLinksResult {
  /** Links and images to pages and files the site does not have. */
  warnings: ContentProblem[];
  /** Aliases that would take the place of a page or of another alias. */
  problems: ContentProblem[];
  redirects: Redirect[];
  /** Content files linked from the site root (`/images/a.png`), published at that path too. */
  rootFiles: string[];
}

/** Files the build writes at the top of the site, which nothing from the content may replace. */
const BUILD_FILES = new Set([
  'index.html',
  '404.html',
  'posts.json',
  'feed.json',
  'rss.xml',
  'atom.xml',
  'sitemap.xml',
  'robots.txt',
  '_headers',
  '_redirects',
]);
/** Top-level folders of the build's own files, beside the pages' folders. */
const BUILD_FOLDERS = ['data', 'assets', MEDIA_DIR, '.quire'];

/** The path a link names, the way a static host finds it: no query or fragment, decoded, no trailing slash or index.html. */
function sitePathKey(url: string): string {
  let pathname = url.replace(/[?#].*$/, '');
  try {
    pathname = decodeURI(pathname);
  } catch {
    // Left as written: it then matches nothing and is reported.
  }
  pathname = pathname.replace(/\/index\.html$/, '/');
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : '/';
}

/** True when a content file may be published at `/relative`: it would replace none of the build's own files. */
function mayBeAtRoot(relative: string, reserved: Set<string>): boolean {
  const first = relative.split('/')[0]!;
  return !reserved.has(first) && !(relative === first && BUILD_FILES.has(first));
}

/** A tag name that can be a folder name on any disk, for its `/search/label/NAME` page. */
const labelName = (name: string) => name !== '' && !/[/\\\0?#%]/.test(name) && name !== '.' && name !== '..' && !name.startsWith('.');

/** Where the page for an old path goes: the exact file for `.html` paths (Blogger's), else a folder's index.html. */
const redirectFile = (from: string) => {
  const relative = from.replace(/^\/+/, '');
  if (/\.html?$/i.test(relative)) return relative;
  return `${relative.replace(/\/+$/, '')}/index.html`.replace(/^\//, '');
};

/** Tags with their post counts, as the data files list them. */
function tagCounts(posts: LinkedPost[]): Tag[] {
  const tags = new Map<string, Tag>();
  for (const post of posts) {
    for (const [index, slug] of post.meta.tagSlugs.entries()) {
      const tag = tags.get(slug) ?? { name: post.meta.tags[index]!, slug, count: 0 };
      tag.count += 1;
      tags.set(slug, tag);
    }
  }
  return [...tags.values()];
}

/**
 * Checks every link to the site's own paths against the pages and files the build will write,
 * and works out the redirect pages: each alias of a post, and `/search/label/NAME` (Blogger's
 * label address) for each tag. A dead link is a warning; an alias that would replace a page is a problem.
 */
export function checkSiteLinks({ site, posts, assets, about }: SiteLinksInput): SiteLinksResult {
  const warnings: ContentProblem[] = [];
  const problems: ContentProblem[] = [];
  const tags = tagCounts(posts);
  const featured = posts.some((post) => post.meta.featured) ? 1 : 0;
  const pageCount = Math.max(1, Math.ceil((posts.length - featured) / site.postsPerPage));
  const routes = siteRoutes({ manifest: { version: DATA_VERSION, site, posts: posts.map((post) => post.meta) }, pageCount, tags, about: about !== undefined });
  const pages = new Set(routes.map((route) => sitePathKey(route.path)));
  const reserved = new Set([...pageFolders(), ...BUILD_FOLDERS]);
  const assetSet = new Set(assets);
  const known = new Set([...pages, ...assets.map((asset) => `/${MEDIA_DIR}/${asset}`), ...[...BUILD_FILES].map((file) => `/${file}`)]);

  const redirects: Redirect[] = [];
  const aliasOwners = new Map<string, { file: string; line: number }>();
  for (const post of posts) {
    for (const alias of post.aliases ?? []) {
      const key = sitePathKey(alias.path);
      const at = { file: post.file, line: alias.line, column: alias.column, field: 'aliases' };
      const earlier = aliasOwners.get(key);
      const first = key.split('/')[1] ?? '';
      if (pages.has(key)) {
        problems.push({ ...at, message: `expected an old address, got ${JSON.stringify(alias.path)} which is a page of this site; remove it` });
      } else if (earlier) {
        problems.push({ ...at, message: `expected an address of one post, got ${JSON.stringify(alias.path)} which ${earlier.file}:${earlier.line} also has` });
      } else if (reserved.has(first) && first !== 'search') {
        problems.push({
          ...at,
          message: `expected an address outside the site's own folders (${[...reserved].sort().join(', ')}), got ${JSON.stringify(alias.path)}`,
        });
      } else if (assetSet.has(key.slice(1))) {
        problems.push({ ...at, message: `expected an old address, got ${JSON.stringify(alias.path)} which is a file of the content folder` });
      } else {
        aliasOwners.set(key, { file: post.file, line: alias.line });
        redirects.push({ from: alias.path, file: redirectFile(key), to: paths.post.href(post.meta.slug), title: post.meta.title });
      }
    }
  }
  for (const tag of tags) {
    const from = `/search/label/${tag.name}`;
    if (!labelName(tag.name) || aliasOwners.has(sitePathKey(from))) continue;
    redirects.push({ from, file: redirectFile(from), to: paths.tag.href(tag.slug), title: `Posts tagged ${tag.name}` });
  }
  const redirected = new Set(redirects.map((redirect) => sitePathKey(redirect.from)));

  const rootFiles = new Set<string>();
  const slugs = new Set(posts.map((post) => post.meta.slug));
  const check = (file: string, links: SiteLink[] | undefined) => {
    for (const link of links ?? []) {
      const key = sitePathKey(link.url);
      if (known.has(key) || redirected.has(key)) continue;
      const label = /^\/search\/label\/(.+)$/.exec(key);
      if (label && tags.some((tag) => tag.slug === tagSlug(label[1]!))) continue;
      const relative = key.slice(1);
      if (assetSet.has(relative) && mayBeAtRoot(relative, reserved)) {
        rootFiles.add(relative);
        continue;
      }
      // Other generators put posts at /blog/SLUG/ or /SLUG/: name the post the link meant.
      const last = key.split('/').at(-1) ?? '';
      const meant = slugs.has(last) ? `; the post ${JSON.stringify(last)} is at ${paths.post.href(last)}` : '';
      const hint = assetSet.has(relative) ? `; ${relative} is in the content folder but that path is the site's own, link to /${MEDIA_DIR}/${relative}` : meant;
      warnings.push({
        file,
        line: link.line,
        column: link.column,
        message: `expected a page or file of this site, got a link to ${JSON.stringify(link.url)} which it does not have${hint}`,
      });
    }
  };
  for (const post of posts) check(post.file, post.siteLinks);
  if (about) check(about.file, about.siteLinks);
  return { warnings, problems, redirects, rootFiles: [...rootFiles].sort() };
}

import { articleFiles, articleKey, dataFiles } from '../content/files.ts';
import {
  type AboutFile,
  DATA_VERSION,
  type Manifest,
  type PageFile,
  type PostFile,
  type PostLink,
  type SeriesFile,
  type SeriesListFile,
  type SiteFile,
  type Tag,
  type TagPageFile,
  type TagsFile,
} from '../content/schema.ts';
import { tagSlug } from '../content/tags.ts';
import { type Content, type LoadOptions, loadContent, loadContentInParallel } from './load-content.ts';
import type { LoadedPost } from './read-post.ts';
import { searchFiles } from './search-files.ts';
import { groupBySeries, seriesSlug } from './series-files.ts';

/** How many related posts a post lists. */
const RELATED = 3;

const link = (post: LoadedPost | undefined): PostLink | null => (post ? { slug: post.meta.slug, title: post.meta.title } : null);

/** The post pinned above the recent list: the newest one marked `featured`. */
function pickFeatured(posts: LoadedPost[]): LoadedPost | undefined {
  return posts.find((post) => post.meta.featured);
}

/** Splits a list into pages of `size`; an empty list is one empty page. */
function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/** Every tag, keyed by slug, with the posts that carry it, newest first. */
function groupByTag(posts: LoadedPost[]): Map<string, { tag: Tag; posts: LoadedPost[] }> {
  const groups = new Map<string, { tag: Tag; posts: LoadedPost[] }>();
  for (const post of posts) {
    for (const slug of new Set(post.meta.tags.map(tagSlug))) {
      const name = post.meta.tags.find((tag) => tagSlug(tag) === slug)!;
      const group = groups.get(slug) ?? { tag: { name, slug, count: 0 }, posts: [] };
      group.tag.count += 1;
      group.posts.push(post);
      groups.set(slug, group);
    }
  }
  return groups;
}

/**
 * Up to three posts sharing the most tags with `post`, newer first among equals, then the newest
 * posts when fewer share a tag. Only posts that share a tag are counted, so the work grows with
 * the tag groups, not with the square of the blog.
 */
function relatedPosts(post: LoadedPost, index: Map<LoadedPost, number>, groups: ReturnType<typeof groupByTag>, newest: LoadedPost[]): PostLink[] {
  const shared = new Map<LoadedPost, number>();
  for (const slug of new Set(post.meta.tags.map(tagSlug))) {
    for (const other of groups.get(slug)?.posts ?? []) {
      if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const related = [...shared]
    .sort(([a, countA], [b, countB]) => countB - countA || index.get(a)! - index.get(b)!)
    .slice(0, RELATED)
    .map(([other]) => other);
  for (const other of newest) {
    if (related.length >= RELATED) break;
    if (other !== post && !related.includes(other)) related.push(other);
  }
  return related.map((other) => link(other)!);
}

/**
 * Every JSON file the site serves, keyed by its path under the site root. The same map is
 * written to `dist/` by the build and served from memory by the dev server.
 */
export function buildDataFiles(content: Content): Map<string, string> {
  const { site, posts, about } = content;
  const files = new Map<string, string>();
  const write = (file: string, data: Manifest | SiteFile | PageFile | PostFile | TagsFile | TagPageFile | AboutFile | SeriesListFile | SeriesFile) =>
    files.set(file, JSON.stringify(data));
  const version = DATA_VERSION;

  write(dataFiles.manifest, { version, site, posts: posts.map((post) => post.meta) });
  write(dataFiles.site, { version, site, about: about !== undefined });
  for (const [file, text] of searchFiles(
    posts.map((post) => post.meta),
    site.language,
  ))
    files.set(file, text);
  if (about) {
    write(dataFiles.about, {
      version,
      title: about.title,
      markdown: about.markdown,
      assetBase: about.assetBase,
      images: about.images,
      languages: about.languages,
      features: about.features,
    });
  }

  const featured = pickFeatured(posts);
  const pages = paginate(
    posts.filter((post) => post !== featured),
    site.postsPerPage,
  );
  pages.forEach((slice, index) => {
    write(dataFiles.page(index + 1), {
      version,
      page: index + 1,
      pageCount: pages.length,
      total: posts.length - (featured ? 1 : 0),
      featured: featured?.meta ?? null,
      posts: slice.map((post) => post.meta),
    });
  });

  const groups = groupByTag(posts);
  const tags = [...groups.values()].map(({ tag }) => tag).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  write(dataFiles.tags, { version, tags });
  for (const { tag, posts: tagged } of groups.values()) {
    const tagPages = paginate(tagged, site.postsPerPage);
    tagPages.forEach((slice, index) => {
      write(dataFiles.tagPage(tag.slug, index + 1), {
        version,
        tag,
        page: index + 1,
        pageCount: tagPages.length,
        posts: slice.map((post) => post.meta),
      });
    });
  }

  const series = groupBySeries(posts);
  write(dataFiles.seriesList, { version, series: [...series.values()].map((group) => group.series).sort((a, b) => a.name.localeCompare(b.name)) });
  for (const group of series.values())
    write(dataFiles.series(group.series.slug), { version, series: group.series, posts: group.posts.map((post) => post.meta) });
  const seriesOf = (post: LoadedPost) => {
    const group = post.meta.series === undefined ? undefined : series.get(seriesSlug(post.meta.series));
    return group ? { series: { name: group.series.name, slug: group.series.slug, parts: group.posts.map((part) => link(part)!) } } : {};
  };

  const order = new Map(posts.map((post, index) => [post, index]));
  posts.forEach((post, index) => {
    write(dataFiles.post(post.meta.slug), {
      version,
      post: post.meta,
      markdown: post.markdown,
      assetBase: post.assetBase,
      headings: post.headings,
      toc: post.toc,
      images: post.images,
      languages: post.languages,
      features: post.features,
      // The list is newest first: the previous (older) post comes after this one.
      prev: link(posts[index + 1]),
      next: link(posts[index - 1]),
      related: relatedPosts(post, order, groups, posts.slice(0, RELATED + 1)),
      ...seriesOf(post),
    });
  });
  return files;
}

/**
 * The article HTML the pre-renderer puts into each page and the feeds carry, keyed by path under
 * the output folder (see `articleFiles`): written while building, never published.
 */
export function buildArticleFiles(content: Content): Map<string, string> {
  const files = new Map<string, string>();
  for (const post of content.posts) {
    files.set(articleFiles.page(articleKey.post(post.meta.slug)), post.html);
    if (post.feedHtml !== undefined) files.set(articleFiles.feed(post.meta.slug), post.feedHtml);
  }
  if (content.about) files.set(articleFiles.page(articleKey.about), content.about.html);
  return files;
}

/**
 * Reads a content folder and builds its data files: what the tests render the app from.
 * Throws a ContentError listing every problem.
 */
export function publishContent(contentDir: string, options: LoadOptions): { content: Content; files: Map<string, string> } {
  const content = loadContent(contentDir, options);
  return { content, files: buildDataFiles(content) };
}

/** `publishContent` with the markdown processed on worker threads: what the plugin serves and emits. */
export async function publishContentInParallel(contentDir: string, options: LoadOptions): Promise<{ content: Content; files: Map<string, string> }> {
  const content = await loadContentInParallel(contentDir, options);
  return { content, files: buildDataFiles(content) };
}

import { dataFiles } from '../content/files.ts';
import { DATA_VERSION, type Manifest, type PageFile, type PostFile, type PostLink, type SiteFile } from '../content/schema.ts';
import type { Content } from './load-content.ts';
import type { LoadedPost } from './read-post.ts';

const link = (post: LoadedPost | undefined): PostLink | null => (post ? { slug: post.meta.slug, title: post.meta.title } : null);

/** The post pinned above the recent list: the newest one marked `featured`. */
export function pickFeatured(posts: LoadedPost[]): LoadedPost | undefined {
  return posts.find((post) => post.meta.featured);
}

/**
 * Every JSON file the site serves, keyed by its path under the site root. The same map is
 * written to `dist/` by the build and served from memory by the dev server.
 */
export function buildDataFiles(content: Content): Map<string, string> {
  const { site, posts } = content;
  const files = new Map<string, string>();
  const write = (file: string, data: Manifest | SiteFile | PageFile | PostFile) => files.set(file, JSON.stringify(data));

  write(dataFiles.manifest, { version: DATA_VERSION, site, posts: posts.map((post) => post.meta) });
  write(dataFiles.site, { version: DATA_VERSION, site });

  const featured = pickFeatured(posts);
  const listed = posts.filter((post) => post !== featured);
  const pageCount = Math.max(1, Math.ceil(listed.length / site.postsPerPage));
  for (let page = 1; page <= pageCount; page += 1) {
    const slice = listed.slice((page - 1) * site.postsPerPage, page * site.postsPerPage);
    write(dataFiles.page(page), {
      version: DATA_VERSION,
      page,
      pageCount,
      total: listed.length,
      featured: featured?.meta ?? null,
      posts: slice.map((post) => post.meta),
    });
  }

  posts.forEach((post, index) => {
    write(dataFiles.post(post.meta.slug), {
      version: DATA_VERSION,
      post: post.meta,
      markdown: post.markdown,
      assetBase: post.assetBase,
      headings: post.headings,
      toc: post.toc,
      images: post.images,
      // The list is newest first: the previous (older) post comes after this one.
      prev: link(posts[index + 1]),
      next: link(posts[index - 1]),
    });
  });
  return files;
}

/** Where each data file lives, relative to the site root. Used by the build to write and the app to fetch. */
export const dataFiles = {
  manifest: 'posts.json',
  site: 'data/site.json',
  page: (page: number) => `data/pages/${page}.json`,
  post: (slug: string) => `data/posts/${slug}.json`,
  tags: 'data/tags.json',
  tagPage: (tag: string, page: number) => `data/tags/${tag}/${page}.json`,
  about: 'data/about.json',
  /** What search matches and ranks on; see `src/search/search-data.ts`. */
  searchIndex: 'data/search/index.json',
  /** What search results show of one shard of posts, loaded for the results shown. */
  searchShard: (shard: number) => `data/search/posts/${shard}.json`,
} as const;

/** Folder under the site root that files from `content/` are copied to. */
export const MEDIA_DIR = 'media';

/** Custom dev-server event sent when the content changes, so open pages refetch without a reload. */
export const CONTENT_UPDATE_EVENT = 'quire:content-update';

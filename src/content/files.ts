/** Where each data file lives, relative to the site root. Used by the build to write and the app to fetch. */
export const dataFiles = {
  manifest: 'posts.json',
  site: 'data/site.json',
  page: (page: number) => `data/pages/${page}.json`,
  post: (slug: string) => `data/posts/${slug}.json`,
  tags: 'data/tags.json',
  tagPage: (tag: string, page: number) => `data/tags/${tag}/${page}.json`,
  about: 'data/about.json',
  /** Every series with its number of parts. */
  seriesList: 'data/series.json',
  /** One series' parts, oldest first. */
  series: (slug: string) => `data/series/${slug}.json`,
  /** What search matches and ranks on; see `src/search/search-data.ts`. */
  searchIndex: 'data/search/index.json',
  /** What search results show of one shard of posts, loaded for the results shown. */
  searchShard: (shard: number) => `data/search/posts/${shard}.json`,
} as const;

/** A post's 1200×630 link preview, relative to the site root. */
export const previewFile = (slug: string) => `og/${slug}.png`;

/** Folder under the site root that files from `content/` are copied to. */
export const MEDIA_DIR = 'media';

/** Header of the dev server's answer for a broken post: its body is the list of the post's problems. */
export const CONTENT_PROBLEMS_HEADER = 'x-quire-content-problems';

/** Custom dev-server event sent when the content changes, so open pages refetch without a reload. */
export const CONTENT_UPDATE_EVENT = 'quire:content-update';

/** Posts carried by each feed, newest first; readers only poll for what is new. */
export const FEED_SIZE = 20;

/**
 * The article HTML the build writes for the pre-renderer and the feeds, under the output folder
 * while it builds. Not part of the site: the build removes the folder before publishing.
 */
export const articleFiles = {
  dir: '.quire',
  /** `post/SLUG` or `about`: the key the page's article is stored under. */
  page: (key: string) => `.quire/pages/${key}.html`,
  feed: (slug: string) => `.quire/feeds/${slug}.html`,
  /** The redirect pages to write (`Redirect[]`). */
  redirects: '.quire/redirects.json',
  /** The warnings and notes to print after the build, and whether they fail it (`BuildReport`). */
  report: '.quire/report.json',
} as const;

/** The key an article's pre-rendered HTML is stored and found under. */
export const articleKey = { post: (slug: string) => `post/${slug}`, about: 'about' } as const;

/**
 * The contract shared by the build step and the browser: front matter, site settings and the
 * shapes of every JSON file the build writes. The build validates with these schemas and the
 * browser parses fetched data with the same ones, so the two can never drift apart.
 */
// zod/mini: the same schemas at a fifth of the size in the browser bundle (4 kB instead of 22 kB gzipped).
import * as z from 'zod/mini';
import { defaultSite } from './site-defaults.ts';
import { SLUG_PATTERN } from './slug.ts';

export { defaultSite, SLUG_PATTERN };

/** Bumped whenever a data file changes shape in a way older readers cannot handle. */
export const DATA_VERSION = 1;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True for `2021-05-01` or a full ISO date-time that names a real moment. */
export function isValidDate(value: string): boolean {
  if (DATE_ONLY.test(value)) {
    const time = Date.parse(`${value}T00:00:00Z`);
    // Date.parse rolls 2021-02-31 over to March; the round trip catches it.
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** A path from the site root that a page can be written at: no `..`, query, fragment or protocol. */
export function isAliasPath(value: string): boolean {
  return /^\/(?!\/)[^?#\\\0]*$/.test(value) && !value.split('/').some((segment) => segment === '..' || segment === '.');
}

const describe = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;

const expected = (what: string) => (issue: { input?: unknown }) => `expected ${what}, got ${describe(issue.input)}`;

const dateField = z.string({ error: expected('a date like 2021-05-01') }).check(z.refine(isValidDate, { error: expected('a date like 2021-05-01') }));

const text = (what: string) => z.string({ error: expected(what) });
const nonEmpty = (what: string) => text(what).check(z.trim(), z.minLength(1, { error: `expected ${what}, got an empty string` }));
const flag = z.boolean({ error: expected('true or false') });

/** Front matter as authors write it. Unknown keys are ignored so imports from other generators build. */
export const frontMatterSchema = z.object({
  title: nonEmpty('a title'),
  date: dateField,
  updated: z.optional(dateField),
  description: z.optional(text('a text').check(z.trim())),
  // `tags: linux` is a list of one: authors write that as often as `tags: [linux]`.
  tags: z._default(
    z.pipe(
      z.transform((value: unknown) => (typeof value === 'string' ? [value] : value)),
      z.array(nonEmpty('a tag'), { error: expected('a list of tags like [linux, memory]') }),
    ),
    [],
  ),
  draft: z._default(flag, false),
  featured: z._default(flag, false),
  slug: z.optional(text('a slug').check(z.refine((value) => SLUG_PATTERN.test(value), { error: expected('lower-case letters, digits and single hyphens') }))),
  image: z.optional(text('an image path or URL')),
  toc: z._default(flag, true),
  /** Old addresses of the post (`/2021/05/old.html`), each written as a page that sends readers on. */
  aliases: z._default(
    z.pipe(
      z.transform((value: unknown) => (typeof value === 'string' ? [value] : value)),
      z.array(
        text('a path like /2021/05/old-post.html').check(z.refine(isAliasPath, { error: expected('a path from the site root like /2021/05/old-post.html') })),
        {
          error: expected('a list of paths like [/2021/05/old-post.html]'),
        },
      ),
    ),
    [],
  ),
  /** Posts naming the same series are listed together, in date order, on each of them. */
  // Hugo's series taxonomy is a list: a list of one name is that name.
  series: z.optional(
    z.pipe(
      z.transform((value: unknown): unknown => (Array.isArray(value) && value.length === 1 ? value[0] : value)),
      nonEmpty('a series name'),
    ),
  ),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** `content/site.yaml`; every field has a default so a folder holding only `posts/` is a blog. */
export const siteSchema = z.object({
  title: z._default(nonEmpty('a title'), defaultSite.title),
  description: z._default(text('a text'), defaultSite.description),
  author: z._default(text('a name'), defaultSite.author),
  url: z.optional(z.url({ protocol: /^https?$/, error: expected('an absolute http(s) URL') })),
  language: z._default(text('a language tag like en'), defaultSite.language),
  /** Default link-preview image: a file under the content folder or an https URL. */
  image: z.optional(text('an image path or URL')),
  /** Fail the build on warnings (dead links), not only on errors. */
  strict: z.optional(flag),
  /**
   * Images on other hosts: `download` (the default) copies them into the site at build time, so a
   * reader's browser asks no other host for anything; `allow` leaves them where they are.
   */
  remoteImages: z.optional(z.enum(['download', 'allow'], { error: expected('download or allow') })),
  postsPerPage: z._default(
    z.int({ error: expected('a whole number') }).check(z.minimum(1, { error: expected('at least 1') }), z.maximum(100, { error: expected('at most 100') })),
    defaultSite.postsPerPage,
  ),
});
export type Site = z.infer<typeof siteSchema>;

/** What the build knows of an image: its size, resized copies, where a downloaded copy lives (see src/markdown/image-info.ts). */
export const imageInfoSchema = z.object({
  width: z.number(),
  height: z.number(),
  src: z.optional(z.string()),
  variants: z.optional(z.object({ stem: z.string(), widths: z.array(z.number()), formats: z.array(z.enum(['avif', 'webp'])) })),
  link: z.optional(z.boolean()),
});

/** One post's metadata as listed in the manifest, page chunks and post files. */
export const postMetaSchema = z.object({
  slug: z.string(),
  title: z.string(),
  date: z.string(),
  updated: z.optional(z.string()),
  tags: z.array(z.string()),
  /** Each tag's URL segment, in the order of `tags` (computed by the build, so the browser needs no slugger). */
  tagSlugs: z._default(z.array(z.string()), []),
  excerpt: z.string(),
  readingTime: z.number(),
  featured: z.boolean(),
  draft: z.optional(z.boolean()),
  image: z.optional(z.string()),
  /** The cover's size and resized copies, when the build could read it. */
  cover: z.optional(imageInfoSchema),
  /** The series the post is a part of, as its front matter names it. */
  series: z.optional(z.string()),
  /** Dated in the future: only the dev server shows it. */
  scheduled: z.optional(z.boolean()),
});
export type PostMeta = z.infer<typeof postMetaSchema>;

const versioned = <T extends Record<string, z.core.SomeType>>(shape: T) =>
  z.object({ version: z.literal(DATA_VERSION, { error: 'this site was built by a different version of Quire' }), ...shape });

/** `posts.json`: every published post, newest first. */
export const manifestSchema = versioned({ site: siteSchema, posts: z.array(postMetaSchema) });
export type Manifest = z.infer<typeof manifestSchema>;

/** `data/site.json`: the settings every page's layout needs, and which optional pages exist. */
export const siteFileSchema = versioned({ site: siteSchema, about: z.boolean() });
export type SiteFile = z.infer<typeof siteFileSchema>;

/** `data/pages/N.json`: one page of the home listing, so the home page never loads the whole manifest. */
export const pageFileSchema = versioned({
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
  featured: z.nullable(postMetaSchema),
  posts: z.array(postMetaSchema),
});
export type PageFile = z.infer<typeof pageFileSchema>;

const postLinkSchema = z.object({ slug: z.string(), title: z.string() });
export type PostLink = z.infer<typeof postLinkSchema>;

export const headingSchema = z.object({ depth: z.number(), id: z.string(), text: z.string() });
export type Heading = z.infer<typeof headingSchema>;

/** Markdown with what it takes to render it: where its relative links point, how big its images are. */
const markdownShape = {
  markdown: z.string(),
  /** Folder, relative to the site root, that relative links in the markdown resolve against. */
  assetBase: z.string(),
  /** Intrinsic sizes of local images, keyed by the URL as written, so images reserve their space. */
  images: z.record(z.string(), imageInfoSchema),
  /** highlight.js grammars to load before rendering the markdown in the browser. */
  languages: z._default(z.array(z.string()), []),
  /** Lazily loaded features the markdown uses, such as `chart`. */
  features: z._default(z.array(z.string()), []),
};

const seriesSchema = z.object({ name: z.string(), slug: z.string(), count: z.number() });
export type Series = z.infer<typeof seriesSchema>;

/** `data/series.json`: every series, by name. */
export const seriesListFileSchema = versioned({ series: z.array(seriesSchema) });
export type SeriesListFile = z.infer<typeof seriesListFileSchema>;

/** `data/series/SLUG.json`: one series' parts in date order, oldest first. */
export const seriesFileSchema = versioned({ series: seriesSchema, posts: z.array(postMetaSchema) });
export type SeriesFile = z.infer<typeof seriesFileSchema>;

/** `data/posts/SLUG.json`: everything the post view needs, fetchable without the manifest. */
export const postFileSchema = versioned({
  post: postMetaSchema,
  ...markdownShape,
  headings: z.array(headingSchema),
  /** False when the author turned the table of contents off with `toc: false`. */
  toc: z.boolean(),
  prev: z.nullable(postLinkSchema),
  next: z.nullable(postLinkSchema),
  /** Up to three other posts, most shared tags first, then the newest. */
  related: z.array(postLinkSchema),
  /** The series the post is a part of, with every part oldest first (this post among them). */
  series: z.optional(z.object({ name: z.string(), slug: z.string(), parts: z.array(postLinkSchema) })),
});
export type PostFile = z.infer<typeof postFileSchema>;

const tagSchema = z.object({ name: z.string(), slug: z.string(), count: z.number() });
export type Tag = z.infer<typeof tagSchema>;

/** `data/tags.json`: every tag with its post count, most used first. */
export const tagsFileSchema = versioned({ tags: z.array(tagSchema) });
export type TagsFile = z.infer<typeof tagsFileSchema>;

/** `data/tags/SLUG/N.json`: one page of a tag's posts, paged like the home page. */
export const tagPageFileSchema = versioned({
  tag: tagSchema,
  page: z.number(),
  pageCount: z.number(),
  posts: z.array(postMetaSchema),
});
export type TagPageFile = z.infer<typeof tagPageFileSchema>;

/** `data/about.json`: the about page from `content/about.md`, when there is one. */
export const aboutFileSchema = versioned({
  title: z.string(),
  ...markdownShape,
});
export type AboutFile = z.infer<typeof aboutFileSchema>;

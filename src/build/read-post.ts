import path from 'node:path';
import { slug as slugify } from 'github-slugger';
import type * as z from 'zod/mini';
import { MEDIA_DIR } from '../content/files.ts';
import { datedName, fromGenerators } from '../content/generator-fields.ts';
import { tagSlug } from '../content/tags.ts';
import { type FrontMatter, type Heading, type PostMeta, SLUG_PATTERN, frontMatterSchema } from '../content/schema.ts';
import type { ImageInfo } from '../markdown/image-info.ts';
import { isRelativeUrl } from '../markdown/resolve-urls.ts';
import { DEFAULT_MARKDOWN_LIMITS, type MarkdownLimits } from './analyse-markdown.ts';
import { readFrontMatter } from './front-matter.ts';
import { resolveLocal } from './local-files.ts';
import { type MarkdownJob, type MarkdownOutput, type SiteLink, processMarkdown } from './process-markdown.ts';
import type { ContentProblem } from './problems.ts';

/** A post read from disk and checked, with everything the build needs to write it out. */
export interface LoadedPost {
  meta: PostMeta;
  markdown: string;
  headings: Heading[];
  toc: boolean;
  /** Site-relative folder that the post's relative links resolve against. */
  assetBase: string;
  images: Record<string, ImageInfo>;
  /** highlight.js grammars the browser loads to render the post after a client-side navigation. */
  languages: string[];
  /** Lazily loaded features the post uses. */
  features: string[];
  /** The article's HTML, pre-rendered into its page. */
  html: string;
  /** The article's HTML for feeds, for posts the feeds carry. */
  feedHtml?: string;
  /** The file as shown in messages. */
  file: string;
  /** Old addresses that send readers to this post, with where each is written. */
  aliases?: Alias[];
  /** Problems that do not stop the post being published: missing files beside it, for one. */
  warnings?: ContentProblem[];
  /** Links to the site's own paths, for the dead-link check. */
  siteLinks?: SiteLink[];
}

/** An old address of a post, from its `aliases`. */
export interface Alias {
  path: string;
  line: number;
  column: number;
}

/** How big and how deeply nested a post may be; beyond these the build refuses it with a position. */
export interface PostLimits extends MarkdownLimits {
  /**
   * Largest post file in bytes (UTF-8): 256 KiB is some 40,000 words. Parsing takes about a second
   * per 100 KiB, here and again in every reader's browser, and longer for markup-heavy text.
   */
  maxBytes: number;
}

const DEFAULT_POST_LIMITS: PostLimits = { maxBytes: 256 * 1024, ...DEFAULT_MARKDOWN_LIMITS };

export interface PostSource {
  /** Absolute path of the markdown file. */
  path: string;
  /** Absolute path of the content folder; nothing outside it may be referenced. */
  contentDir: string;
  /** How the file is named in messages, e.g. `content/posts/x.md`. */
  file: string;
  /** Overrides of DEFAULT_POST_LIMITS. */
  limits?: Partial<PostLimits>;
  /** The site's base path, `/` (the default) or `/blog/`, which the post's URLs are written under. */
  base?: string;
}

/** A post whose front matter has been read and checked, waiting for its markdown to be processed. */
export interface ReadPost {
  front: FrontMatter;
  slug: string;
  file: string;
  assetBase: string;
  /** The cover image as a path under the site root or a URL. */
  image?: string;
  job: MarkdownJob;
  aliases: Alias[];
}

/**
 * The problems found so far, the markdown job (unless the file could not even be split into front
 * matter and body) and the post (unless there were problems). The job runs even when the front
 * matter is wrong, so the body's problems are reported in the same build.
 */
export interface ReadResult {
  problems: ContentProblem[];
  job?: MarkdownJob;
  post?: ReadPost;
  /** The post's slug as far as it can be told, broken or not: the dev server shows its problems there. */
  slug?: string;
  /** Front matter fields Quire does not know, with where each is written; reported once per name. */
  ignored?: IgnoredField[];
}

/** A front matter field that Quire does not read. */
export interface IgnoredField {
  field: string;
  line: number;
  column: number;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The slug a file gets when its front matter names none: its name, or its folder's for `index.md`. */
function slugFromPath(filePath: string): string {
  return slugify(postName(filePath).normalize('NFKC'));
}

/** The name a post is known by: its file's, its folder's for `index.md`, without a Jekyll date. */
function postName(filePath: string): string {
  const base = path.basename(filePath, path.extname(filePath));
  const name = base === 'index' ? path.basename(path.dirname(filePath)) : base;
  return datedName(name)?.name ?? name;
}

/**
 * Slugs name output files and URLs, so two that look the same must be the same: NFKC turns
 * decomposed accents (NFD, as macOS writes file names) and full-width letters into their usual form.
 */
const normaliseSlug = (slug: string) => slug.normalize('NFKC');

/** Characters that render as nothing (zero-width, Hangul fillers, bidi controls): a slug made of them looks empty or like another. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/u;

/** Bytes as a reader would say them: 256 KiB, 5.0 MiB. */
const formatBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** The problem with a post file's size, if it is over the limit; checked before the file is read when possible. */
export function sizeProblem(bytes: number, file: string, limits?: Partial<PostLimits>): ContentProblem | undefined {
  const { maxBytes } = { ...DEFAULT_POST_LIMITS, ...limits };
  if (bytes <= maxBytes) return undefined;
  return { file, line: 1, column: 1, message: `expected a post of at most ${formatBytes(maxBytes)}, got ${formatBytes(bytes)}; split it into several posts` };
}

function zodProblems(error: z.core.$ZodError, file: string, locate: (p: readonly PropertyKey[]) => { line: number; column: number }) {
  return error.issues.map((issue): ContentProblem => {
    const field = issue.path.map(String).join('.') || 'front matter';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? issue.message.replace(/got undefined$/, 'got nothing') : issue.message;
    return { file, ...locate(issue.path), field, message };
  });
}

/** The slug's problem, if it cannot name a URL segment and an output file. */
function slugProblem(slug: string, fromFrontMatter: boolean, filePath: string): string | undefined {
  const invisible = INVISIBLE.exec(slug);
  if (invisible) {
    const code = `U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `expected visible letters, digits and hyphens, got ${JSON.stringify(slug)} which contains the invisible character ${code}`;
  }
  if (SLUG_PATTERN.test(slug)) return undefined;
  return fromFrontMatter
    ? `expected lower-case letters, digits and single hyphens, got ${JSON.stringify(slug)}`
    : `expected a file name that makes a URL slug (letters, digits, hyphens), got ${JSON.stringify(path.basename(filePath))}; rename the file or set slug: in the front matter`;
}

/**
 * Reads one post's front matter and checks it: fields against the schema, the slug, the cover
 * image. The body is checked and analysed by the markdown pipeline (`job`), possibly on another
 * thread. Never throws on bad content: every problem comes back with its place.
 */
export function readPost(source: string, where: PostSource): ReadResult {
  const { file, contentDir } = where;
  const limits = { ...DEFAULT_POST_LIMITS, ...where.limits };
  const tooBig = sizeProblem(Buffer.byteLength(source, 'utf8'), file, limits);
  if (tooBig) return { problems: [tooBig], slug: slugFromPath(where.path) };
  const read = readFrontMatter(source, file);
  if (!read.ok) return { problems: read.problems, slug: slugFromPath(where.path) };
  const { block } = read;
  const baseName = path.basename(where.path, path.extname(where.path));
  const generator = fromGenerators(block.data, baseName === 'index' ? path.basename(path.dirname(where.path)) : baseName);
  // Problems point at the field as written: `pubDate`, not the `date` it stands for.
  const locate = (at: readonly PropertyKey[]) => {
    const [first, ...rest] = at;
    if (typeof first !== 'string') return block.locate(at);
    const source = Object.hasOwn(generator.sources, first) ? generator.sources[first]! : first;
    // An index into a list split from a string, or merged from tags and categories, is no place in the file.
    const exact = Array.isArray(block.data[source]) && !(first === 'tags' && Object.hasOwn(block.data, 'tags') && Object.hasOwn(block.data, 'categories'));
    return block.locate(exact ? [source, ...rest] : [source]);
  };
  const written = generator.data.slug;
  const data = typeof written === 'string' ? { ...generator.data, slug: normaliseSlug(written) } : generator.data;
  const parsed = frontMatterSchema.safeParse(data);
  // Invalid front matter does not stop the body being checked: every problem in the file at once.
  const problems: ContentProblem[] = parsed.success ? [] : zodProblems(parsed.error, file, locate);
  const ignored = generator.ignored.map((field) => ({ field, ...block.locate([field]) }));
  const front = parsed.success ? parsed.data : undefined;

  const slug = front?.slug ?? slugFromPath(where.path);
  const badSlug = front && slugProblem(slug, front.slug !== undefined, where.path);
  if (badSlug) problems.push({ file, ...(front.slug !== undefined ? block.locate(['slug']) : { line: 1, column: 1 }), field: 'slug', message: badSlug });
  const aliases = (front?.aliases ?? []).map((alias, index) => ({
    path: alias,
    ...block.locate(Array.isArray(block.data.aliases) ? ['aliases', index] : ['aliases']),
  }));

  const postDir = path.dirname(where.path);
  const assetBase = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, postDir))}/`.replace(/\/+$/, '/');
  let image = front?.image;
  if (image !== undefined) {
    if (isRelativeUrl(image)) {
      const resolved = resolveLocal(image, postDir, contentDir);
      if (resolved.ok) image = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, resolved.absolute))}`;
      else problems.push({ file, ...locate(['image']), field: 'image', message: resolved.why });
    } else if (image.startsWith('/') && !image.startsWith('//')) {
      // `/images/cover.png` (Astro's public/ folder, copied into content/): the file, where there is one.
      const resolved = resolveLocal(image.slice(1), contentDir, contentDir);
      if (resolved.ok) image = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, resolved.absolute))}`;
    } else if (!/^https?:\/\//i.test(image)) {
      problems.push({ file, ...locate(['image']), field: 'image', message: `expected a relative path or an http(s) URL, got ${JSON.stringify(image)}` });
    }
  }
  const job: MarkdownJob = {
    path: where.path,
    file,
    contentDir,
    body: block.body,
    bodyLine: block.bodyLine,
    base: where.base ?? '/',
    assetBase,
    limits: { maxDepth: limits.maxDepth, maxLinksPerParagraph: limits.maxLinksPerParagraph, maxContainers: limits.maxContainers },
  };
  if (!front || problems.length > 0) return { problems, job, slug, ignored };
  return { problems, job, slug, ignored, post: { front, slug, file, assetBase, ...(image ? { image } : {}), job, aliases } };
}

/** A read post and its processed markdown, as the build publishes it. */
export function finishPost({ front, slug, file, assetBase, image, job, aliases }: ReadPost, output: MarkdownOutput): LoadedPost {
  const tags = [...new Set(front.tags)];
  const meta: PostMeta = {
    slug,
    title: front.title,
    date: front.date,
    ...(front.updated ? { updated: front.updated } : {}),
    tags,
    tagSlugs: tags.map(tagSlug),
    excerpt: front.description || output.excerpt,
    readingTime: output.readingTime,
    featured: front.featured,
    ...(front.draft ? { draft: true } : {}),
    ...(image ? { image } : {}),
    ...(front.series ? { series: front.series } : {}),
  };
  return {
    meta,
    markdown: job.body,
    headings: output.headings,
    toc: front.toc,
    assetBase,
    images: output.images,
    languages: output.languages,
    features: output.features,
    html: output.html,
    ...(output.feedHtml !== undefined ? { feedHtml: output.feedHtml } : {}),
    file,
    aliases,
    warnings: output.warnings ?? [],
    siteLinks: output.siteLinks ?? [],
  };
}

/**
 * Reads and processes one post on this thread, front matter and markdown, with every problem in
 * the file reported together.
 */
export function loadPost(source: string, where: PostSource): { ok: true; post: LoadedPost } | { ok: false; problems: ContentProblem[] } {
  const read = readPost(source, where);
  const result = read.job ? processMarkdown(read.job) : undefined;
  const problems = [...read.problems, ...(result && !result.ok ? result.problems : [])];
  if (!read.post || !result?.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, post: finishPost(read.post, result.output) };
}

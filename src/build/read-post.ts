import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { slug as slugify } from 'github-slugger';
import { imageSize } from 'image-size';
import type * as z from 'zod/mini';
import { MEDIA_DIR } from '../content/files.ts';
import { type Heading, type PostMeta, SLUG_PATTERN, frontMatterSchema } from '../content/schema.ts';
import { DEFAULT_MARKDOWN_LIMITS, type MarkdownLimits, analyseMarkdown, checkMarkdownLimits, isRelativeUrl } from './analyse-markdown.ts';
import { readFrontMatter } from './front-matter.ts';
import type { ContentProblem } from './problems.ts';

/** A post read from disk and checked, with everything the build needs to write it out. */
export interface LoadedPost {
  meta: PostMeta;
  markdown: string;
  headings: Heading[];
  toc: boolean;
  /** Site-relative folder that the post's relative links resolve against. */
  assetBase: string;
  images: Record<string, { width: number; height: number }>;
  /** The file as shown in messages. */
  file: string;
}

/** How big and how deeply nested a post may be; beyond these the build refuses it with a position. */
export interface PostLimits extends MarkdownLimits {
  /**
   * Largest post file in bytes (UTF-8): 256 KiB is some 40,000 words. Parsing takes about a second
   * per 100 KiB, here and again in every reader's browser, and longer for markup-heavy text.
   */
  maxBytes: number;
}

export const DEFAULT_POST_LIMITS: PostLimits = { maxBytes: 256 * 1024, ...DEFAULT_MARKDOWN_LIMITS };

export interface PostSource {
  /** Absolute path of the markdown file. */
  path: string;
  /** Absolute path of the content folder; nothing outside it may be referenced. */
  contentDir: string;
  /** How the file is named in messages, e.g. `content/posts/x.md`. */
  file: string;
  /** Overrides of DEFAULT_POST_LIMITS. */
  limits?: Partial<PostLimits>;
}

export type ReadResult = { ok: true; post: LoadedPost } | { ok: false; problems: ContentProblem[] };

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The slug a file gets when its front matter names none: its name, or its folder's for `index.md`. */
export function slugFromPath(filePath: string): string {
  const base = path.basename(filePath, path.extname(filePath));
  const name = base === 'index' ? path.basename(path.dirname(filePath)) : base;
  return slugify(name.normalize('NFKC'));
}

/**
 * Slugs name output files and URLs, so two that look the same must be the same: NFKC turns
 * decomposed accents (NFD, as macOS writes file names) and full-width letters into their usual form.
 */
export const normaliseSlug = (slug: string) => slug.normalize('NFKC');

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

/** Resolves a relative URL against a folder, or says why it may not be used. */
function resolveLocal(url: string, fromDir: string, contentDir: string): { ok: true; absolute: string } | { ok: false; why: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return { ok: false, why: `expected a valid relative URL, got ${JSON.stringify(url)}` };
  }
  const outside = { ok: false as const, why: `expected a path inside the content folder, got ${JSON.stringify(url)}` };
  const inside = (from: string, to: string) => {
    const relative = path.relative(from, to);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  if (decoded.includes('\0')) return { ok: false, why: `expected a valid relative URL, got ${JSON.stringify(url)} which contains a NUL character` };
  const absolute = path.resolve(fromDir, decoded);
  if (!inside(contentDir, absolute)) return outside;
  let real: string;
  try {
    real = realpathSync(absolute);
    if (!statSync(real).isFile()) throw new Error('not a file');
  } catch {
    return { ok: false, why: `expected a file beside the post, got ${JSON.stringify(url)} which does not exist` };
  }
  // A symbolic link inside the folder may point anywhere; what counts is where it lands.
  const realContent = realpathSync(contentDir);
  if (!inside(realContent, real)) return outside;
  if (path.relative(realContent, real) !== path.relative(contentDir, absolute)) {
    return { ok: false, why: `expected a file, got ${JSON.stringify(url)} which is a symbolic link; links are not published, copy the file in` };
  }
  if (absolute.endsWith('.md')) {
    return { ok: false, why: `expected a file other than markdown, got ${JSON.stringify(url)}; link to posts as /posts/SLUG` };
  }
  return { ok: true, absolute };
}

function measureImage(absolute: string): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(readFileSync(absolute));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
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
 * Reads one post: front matter checked against the schema, body checked against the limits and
 * analysed, local files checked. Never throws on bad content: every problem comes back with its place.
 */
export function readPost(source: string, where: PostSource): ReadResult {
  const { file, contentDir } = where;
  const limits = { ...DEFAULT_POST_LIMITS, ...where.limits };
  const tooBig = sizeProblem(Buffer.byteLength(source, 'utf8'), file, limits);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const read = readFrontMatter(source, file);
  if (!read.ok) return read;
  const { block } = read;
  const written = block.data.slug;
  const data = typeof written === 'string' ? { ...block.data, slug: normaliseSlug(written) } : block.data;
  const parsed = frontMatterSchema.safeParse(data);
  // Invalid front matter does not stop the body being checked: every problem in the file at once.
  const problems: ContentProblem[] = parsed.success ? [] : zodProblems(parsed.error, file, block.locate);
  const front = parsed.success ? parsed.data : undefined;

  const slug = front?.slug ?? slugFromPath(where.path);
  const badSlug = front && slugProblem(slug, front.slug !== undefined, where.path);
  if (badSlug) problems.push({ file, ...(front.slug !== undefined ? block.locate(['slug']) : { line: 1, column: 1 }), field: 'slug', message: badSlug });

  const bodyPosition = (line: number, column: number) => ({ line: line + block.bodyLine - 1, column });
  const tooComplex = checkMarkdownLimits(block.body, limits);
  if (tooComplex) return { ok: false, problems: [...problems, { file, ...bodyPosition(tooComplex.line, tooComplex.column), message: tooComplex.message }] };
  let facts: ReturnType<typeof analyseMarkdown>;
  try {
    facts = analyseMarkdown(block.body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `expected markdown nested at most ${limits.maxDepth} levels deep, got nesting too deep to parse (${error.message})`;
    return { ok: false, problems: [...problems, { file, ...bodyPosition(1, 1), message }] };
  }
  if (facts.deepest.depth > limits.maxDepth) {
    const { line, column, depth } = facts.deepest;
    const message = `expected markdown nested at most ${limits.maxDepth} levels deep, got ${depth} (lists, quotes, emphasis or links inside each other)`;
    return { ok: false, problems: [...problems, { file, ...bodyPosition(line, column), message }] };
  }

  const postDir = path.dirname(where.path);
  const assetBase = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, postDir))}/`.replace(/\/+$/, '/');
  const images = new Map<string, { width: number; height: number }>();
  for (const reference of facts.references) {
    const resolved = resolveLocal(reference.url, postDir, contentDir);
    if (!resolved.ok) {
      problems.push({ file, ...bodyPosition(reference.line, reference.column), field: reference.kind, message: resolved.why });
    } else if (reference.kind === 'image') {
      const size = measureImage(resolved.absolute);
      if (size) images.set(reference.url, size);
    }
  }

  let image = front?.image;
  if (image !== undefined) {
    if (isRelativeUrl(image)) {
      const resolved = resolveLocal(image, postDir, contentDir);
      if (resolved.ok) image = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, resolved.absolute))}`;
      else problems.push({ file, ...block.locate(['image']), field: 'image', message: resolved.why });
    } else if (!/^https?:\/\//i.test(image) && !image.startsWith('/')) {
      problems.push({ file, ...block.locate(['image']), field: 'image', message: `expected a relative path or an http(s) URL, got ${JSON.stringify(image)}` });
    }
  }
  if (!front || problems.length > 0) return { ok: false, problems };

  const meta: PostMeta = {
    slug,
    title: front.title,
    date: front.date,
    ...(front.updated ? { updated: front.updated } : {}),
    tags: [...new Set(front.tags)],
    excerpt: front.description || facts.excerpt,
    readingTime: facts.readingTime,
    featured: front.featured,
    ...(front.draft ? { draft: true } : {}),
    ...(image ? { image } : {}),
  };
  return { ok: true, post: { meta, markdown: block.body, headings: facts.headings, toc: front.toc, assetBase, images: Object.fromEntries(images), file } };
}

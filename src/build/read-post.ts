import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { slug as slugify } from 'github-slugger';
import { imageSize } from 'image-size';
import type { z } from 'zod';
import { MEDIA_DIR } from '../content/files.ts';
import { type Heading, type PostMeta, SLUG_PATTERN, frontMatterSchema } from '../content/schema.ts';
import { analyseMarkdown, isRelativeUrl } from './analyse-markdown.ts';
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

export interface PostSource {
  /** Absolute path of the markdown file. */
  path: string;
  /** Absolute path of the content folder; nothing outside it may be referenced. */
  contentDir: string;
  /** How the file is named in messages, e.g. `content/posts/x.md`. */
  file: string;
}

export type ReadResult = { ok: true; post: LoadedPost } | { ok: false; problems: ContentProblem[] };

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The slug a file gets when its front matter names none: its name, or its folder's for `index.md`. */
export function slugFromPath(filePath: string): string {
  const base = path.basename(filePath, path.extname(filePath));
  const name = base === 'index' ? path.basename(path.dirname(filePath)) : base;
  return slugify(name.normalize('NFKC'));
}

function zodProblems(error: z.ZodError, file: string, locate: (p: readonly PropertyKey[]) => { line: number; column: number }) {
  return error.issues.map((issue): ContentProblem => {
    const field = issue.path.map(String).join('.') || 'front matter';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? `expected a value, got nothing` : issue.message;
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
  const absolute = path.resolve(fromDir, decoded);
  const relative = path.relative(contentDir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, why: `expected a path inside the content folder, got ${JSON.stringify(url)}` };
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    return { ok: false, why: `expected a file beside the post, got ${JSON.stringify(url)} which does not exist` };
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

/** Reads one post: front matter checked against the schema, body analysed, local files checked. */
export function readPost(source: string, where: PostSource): ReadResult {
  const { file, contentDir } = where;
  const read = readFrontMatter(source, file);
  if (!read.ok) return read;
  const { block } = read;
  const parsed = frontMatterSchema.safeParse(block.data);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, file, block.locate) };
  const front = parsed.data;

  const problems: ContentProblem[] = [];
  const slug = front.slug ?? slugFromPath(where.path);
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      field: 'slug',
      message: `expected a file name that makes a URL slug (letters, digits, hyphens), got ${JSON.stringify(path.basename(where.path))}`,
    });
  }

  const postDir = path.dirname(where.path);
  const assetBase = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, postDir))}/`.replace(/\/+$/, '/');
  const facts = analyseMarkdown(block.body);
  const images: LoadedPost['images'] = {};
  for (const reference of facts.references) {
    const resolved = resolveLocal(reference.url, postDir, contentDir);
    if (!resolved.ok) {
      problems.push({ file, line: reference.line + block.bodyLine - 1, column: reference.column, field: reference.kind, message: resolved.why });
    } else if (reference.kind === 'image') {
      const size = measureImage(resolved.absolute);
      if (size) images[reference.url] = size;
    }
  }

  let image = front.image;
  if (image !== undefined) {
    if (isRelativeUrl(image)) {
      const resolved = resolveLocal(image, postDir, contentDir);
      if (resolved.ok) image = `${MEDIA_DIR}/${toPosix(path.relative(contentDir, resolved.absolute))}`;
      else problems.push({ file, ...block.locate(['image']), field: 'image', message: resolved.why });
    } else if (!/^https?:\/\//i.test(image) && !image.startsWith('/')) {
      problems.push({ file, ...block.locate(['image']), field: 'image', message: `expected a relative path or an http(s) URL, got ${JSON.stringify(image)}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const meta: PostMeta = {
    slug,
    title: front.title,
    date: front.date,
    ...(front.updated ? { updated: front.updated } : {}),
    tags: [...new Set(front.tags)],
    excerpt: front.description ?? facts.excerpt,
    readingTime: facts.readingTime,
    featured: front.featured,
    ...(front.draft ? { draft: true } : {}),
    ...(image ? { image } : {}),
  };
  return { ok: true, post: { meta, markdown: block.body, headings: facts.headings, toc: front.toc, assetBase, images, file } };
}

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { FEED_SIZE, MEDIA_DIR } from '../content/files.ts';
import { type Site, siteSchema } from '../content/schema.ts';
import { DEFAULT_MARKDOWN_LIMITS } from './analyse-markdown.ts';
import { parseYamlMapping, readFrontMatter } from './front-matter.ts';
import { DEFAULT_CACHE_DIR, MarkdownCache } from './markdown-cache.ts';
import { processInWorkers } from './markdown-workers.ts';
import { type MarkdownJob, type MarkdownOutput, type MarkdownResult, processMarkdown } from './process-markdown.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { type IgnoredField, type LoadedPost, type PostLimits, type ReadPost, finishPost, readPost, sizeProblem } from './read-post.ts';
import { type Redirect, checkSiteLinks } from './site-links.ts';

/** `content/about.md`, processed like a post. */
export interface LoadedAbout {
  title: string;
  markdown: string;
  assetBase: string;
  images: Record<string, { width: number; height: number }>;
  languages: string[];
  features: string[];
  html: string;
}

export interface Content {
  site: Site;
  /** Posts to publish, newest first. */
  posts: LoadedPost[];
  /** Files under the content folder that are copied to the site as they are, relative and POSIX-style. */
  assets: string[];
  about?: LoadedAbout;
  /** Problems that leave the site built (dead links, missing files, iframes left out), in file order; `strict: true` fails on them. */
  warnings?: ContentProblem[];
  /** One line per front matter field Quire ignored, with the first place it is written. */
  notes?: ContentProblem[];
  /** Pages that send readers on: each post's old addresses, Blogger's label addresses. */
  redirects?: Redirect[];
  /** Content files linked from the site root (`/images/a.png`), published at that path as well as under media/. */
  rootFiles?: string[];
  /** With `lenient`: every problem found, and the posts left out because of them. */
  problems?: ContentProblem[];
  broken?: { slug: string; file: string }[];
}

export interface LoadOptions {
  /** Keep posts marked `draft: true` (the dev server does, production builds do not). */
  drafts: boolean;
  /** Folder that file names in messages are relative to; defaults to the working directory. */
  cwd?: string;
  /** Overrides of the size and nesting limits on each post (DEFAULT_POST_LIMITS). */
  limits?: Partial<PostLimits>;
  /** The site's base path, `/` (the default) or `/blog/`. */
  base?: string;
  /** Write the feed HTML of the posts the feeds carry (production builds do). */
  feeds?: boolean;
  /** The results cache, or its folder, or false for none (the default: tests run without one). */
  cache?: MarkdownCache | string | false;
  /**
   * Leave broken posts out and report their problems in `problems` instead of throwing (the dev
   * server does, so one broken post does not take every page down). Site-wide problems still throw.
   */
  lenient?: boolean;
}

/**
 * Slugs that would name the same file on a case-insensitive disk (macOS, Windows) or look the same
 * to a reader: `λόγος` and `λόγοσ`, `straße` and `strasse`. Slugs are already NFKC and lower-case.
 */
const slugKey = (slug: string) => slug.toUpperCase().toLowerCase();

const SITE_FILE = 'site.yaml';
const ABOUT_FILE = 'about.md';
/** Files that are part of the blog's source, not its published media. */
const PRIVATE = /(^|\/)(\.|_)|\.(md|markdown|yaml|yml)$/i;

const toPosix = (p: string) => p.split(path.sep).join('/');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))))
    .sort();
}

function readSite(contentDir: string, display: (p: string) => string, problems: ContentProblem[]): Site {
  const sitePath = path.join(contentDir, SITE_FILE);
  if (!existsSync(sitePath)) return siteSchema.parse({});
  const file = display(sitePath);
  const parsed = parseYamlMapping(readFileSync(sitePath, 'utf8').replace(/^\uFEFF/, ''), file, 1);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return siteSchema.parse({});
  }
  const result = siteSchema.safeParse(parsed.mapping.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, ...parsed.mapping.locate(issue.path), field: issue.path.map(String).join('.'), message: issue.message });
  }
  return siteSchema.parse({});
}

/** Milliseconds since the epoch of a front matter date; date-only values are midnight UTC. */
export const dateTime = (date: string) => Date.parse(/T/.test(date) ? date : `${date}T00:00:00Z`);

/** Newest first; posts of the same moment in title order so builds are reproducible. */
export function byDateDescending(a: LoadedPost, b: LoadedPost): number {
  return dateTime(b.meta.date) - dateTime(a.meta.date) || a.meta.title.localeCompare(b.meta.title);
}

const aboutSchema = z.object({ title: z.string({ error: 'expected a title, got nothing' }).check(z.trim(), z.minLength(1, { error: 'expected a title, got an empty string' })) });

/** Reads `about.md`'s front matter; its markdown goes through the pipeline like a post's. */
function readAbout(root: string, display: (p: string) => string, base: string, problems: ContentProblem[]) {
  const absolute = path.join(root, ABOUT_FILE);
  if (!existsSync(absolute)) return undefined;
  const file = display(absolute);
  const source = readFileSync(absolute, 'utf8');
  const tooBig = sizeProblem(Buffer.byteLength(source, 'utf8'), file);
  if (tooBig) return void problems.push(tooBig);
  const read = readFrontMatter(source, file);
  if (!read.ok) return void problems.push(...read.problems);
  const parsed = aboutSchema.safeParse(read.block.data);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => ({ file, ...read.block.locate(issue.path), field: 'title', message: issue.message })));
  const job: MarkdownJob = { path: absolute, file, contentDir: root, body: read.block.body, bodyLine: read.block.bodyLine, base, assetBase: `${MEDIA_DIR}/`, limits: DEFAULT_MARKDOWN_LIMITS };
  return { title: parsed.success ? parsed.data.title : '', job };
}

/** Everything read from the folder before any markdown is processed, and how to finish from the results. */
interface Prepared {
  jobs: MarkdownJob[];
  finish(results: MarkdownResult[]): Content;
}

function prepare(contentDir: string, options: LoadOptions): Prepared {
  const root = path.resolve(contentDir);
  const cwd = options.cwd ?? process.cwd();
  const base = options.base ?? '/';
  const display = (p: string) => {
    const relative = path.relative(cwd, p);
    return toPosix(relative.startsWith('..') ? p : relative);
  };
  if (!existsSync(root)) {
    throw new ContentError([{ file: display(root), line: 1, column: 1, message: 'expected a content folder, got nothing at this path' }]);
  }
  const problems: ContentProblem[] = [];
  const site = readSite(root, display, problems);
  const files = listFiles(root);
  const postsDir = path.join(root, 'posts');
  const reads: { file: string; job?: MarkdownJob; post?: ReadPost; slug?: string; ignored?: IgnoredField[] }[] = [];

  for (const relative of files) {
    const absolute = path.join(root, relative);
    if (!relative.startsWith('posts/') || !/\.md$/i.test(relative) || !absolute.startsWith(postsDir + path.sep)) continue;
    const file = display(absolute);
    const tooBig = sizeProblem(statSync(absolute).size, file, options.limits);
    if (tooBig) {
      // Not even read: a runaway file (a log pasted in, a generated dump) must not exhaust memory.
      problems.push(tooBig);
      continue;
    }
    try {
      const result = readPost(readFileSync(absolute, 'utf8'), { path: absolute, contentDir: root, file, limits: options.limits, base });
      problems.push(...result.problems);
      reads.push({ file, job: result.job, post: result.post, slug: result.slug, ignored: result.ignored });
    } catch (error) {
      // A bug in reading one post must still leave every other file's problems reported, naming this file.
      problems.push({ file, line: 1, column: 1, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const about = readAbout(root, display, base, problems);

  // The feeds carry the newest posts with their full text: only those need feed HTML.
  if (options.feeds && site.url) {
    const origin = new URL(site.url).origin;
    const published = reads.filter((read) => read.post && (options.drafts || !read.post.front.draft));
    published.sort((a, b) => dateTime(b.post!.front.date) - dateTime(a.post!.front.date) || a.post!.front.title.localeCompare(b.post!.front.title));
    for (const read of published.slice(0, FEED_SIZE)) read.job!.feedOrigin = origin;
  }

  const jobs = [...reads.flatMap((read) => (read.job ? [read.job] : [])), ...(about ? [about.job] : [])];
  return {
    jobs,
    finish(results) {
      const outputs = new Map<MarkdownJob, MarkdownOutput>();
      results.forEach((result, index) => {
        if (result.ok) outputs.set(jobs[index]!, result.output);
        else problems.push(...result.problems);
      });
      const posts: LoadedPost[] = [];
      const broken: { slug: string; file: string }[] = [];
      const seen = new Map<string, { slug: string; file: string }>();
      for (const read of reads) {
        const output = read.job && outputs.get(read.job);
        if ((!read.post || !output) && read.slug) broken.push({ slug: read.slug, file: read.file });
        if (!read.post || !output) continue;
        const post = finishPost(read.post, output);
        const earlier = seen.get(slugKey(post.meta.slug));
        if (earlier) {
          const same = earlier.slug === post.meta.slug ? '' : ` as ${JSON.stringify(earlier.slug)} (they differ only by case)`;
          problems.push({
            file: post.file,
            line: 1,
            column: 1,
            field: 'slug',
            message: `expected a unique slug, got ${JSON.stringify(post.meta.slug)} which ${earlier.file} also has${same}; set slug: in one of them`,
          });
          continue;
        }
        seen.set(slugKey(post.meta.slug), { slug: post.meta.slug, file: post.file });
        if (options.drafts || !post.meta.draft) posts.push(post);
      }
      const assets = files.filter((file) => !PRIVATE.test(file));
      for (const asset of assets) {
        if (!/\.svg$/i.test(asset)) continue;
        const absolute = path.join(root, asset);
        const problem = activeSvgContent(readFileSync(absolute, 'latin1'));
        if (problem) problems.push({ file: display(absolute), ...problem });
      }
      const aboutOutput = about && outputs.get(about.job);
      posts.sort(byDateDescending);
      const links = checkSiteLinks({ site, posts, assets, ...(about && aboutOutput ? { about: { file: about.job.file, siteLinks: aboutOutput.siteLinks } } : {}) });
      problems.push(...links.problems);
      const postProblem = (problem: ContentProblem) => reads.some((read) => read.file === problem.file);
      if (problems.length > 0 && !(options.lenient && problems.every(postProblem))) throw new ContentError(problems);
      const warnings = [...posts.flatMap((post) => post.warnings ?? []), ...(aboutOutput?.warnings ?? []), ...links.warnings];
      return {
        site,
        posts,
        assets,
        warnings: warnings.sort(byPlace),
        notes: ignoredFieldNotes(reads),
        redirects: links.redirects,
        rootFiles: links.rootFiles,
        ...(options.lenient ? { problems, broken } : {}),
        ...(about && aboutOutput
          ? {
              about: {
                title: about.title,
                markdown: about.job.body,
                assetBase: about.job.assetBase,
                images: aboutOutput.images,
                languages: aboutOutput.languages,
                features: aboutOutput.features,
                html: aboutOutput.html,
              },
            }
          : {}),
      };
    },
  };
}

/** File, then line, then column: the order an author reads the list in. */
const byPlace = (a: ContentProblem, b: ContentProblem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** One note per front matter field Quire does not read, not one per file: an import can carry a field in every post. */
function ignoredFieldNotes(reads: { file: string; ignored?: IgnoredField[] }[]): ContentProblem[] {
  const fields = new Map<string, { first: ContentProblem; count: number }>();
  for (const read of [...reads].sort((a, b) => a.file.localeCompare(b.file))) {
    for (const { field, line, column } of read.ignored ?? []) {
      const seen = fields.get(field);
      if (seen) seen.count += 1;
      else fields.set(field, { first: { file: read.file, line, column, message: '' }, count: 1 });
    }
  }
  return [...fields.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, { first, count }]) => ({
      ...first,
      message: `ignored front matter field \`${field}\` in ${count === 1 ? '1 post' : `${count} posts`}${count > 1 ? ` (this is the first)` : ''}; Quire does not use it`,
    }));
}

const cacheFor = ({ cache }: LoadOptions) => (typeof cache === 'string' ? new MarkdownCache(cache) : cache || undefined);

/** Results for the jobs the cache has, and the indexes of those it has not. */
function fromCache(jobs: MarkdownJob[], cache: MarkdownCache | undefined) {
  const results: (MarkdownResult | undefined)[] = jobs.map((job) => {
    const output = cache?.get(job);
    return output ? { ok: true, output } : undefined;
  });
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  return { results, missing };
}

function store(cache: MarkdownCache | undefined, job: MarkdownJob, result: MarkdownResult) {
  if (cache && result.ok) cache.set(job, result.output);
}

/**
 * Reads a content folder: `site.yaml` (optional), `about.md` (optional), `posts/**\/*.md` and
 * every other file as media, each post's markdown processed on this thread. Throws a
 * ContentError listing every problem in every file when anything is wrong.
 */
export function loadContent(contentDir: string, options: LoadOptions): Content {
  const { jobs, finish } = prepare(contentDir, options);
  const cache = cacheFor(options);
  const { results, missing } = fromCache(jobs, cache);
  for (const index of missing) {
    const result = processMarkdown(jobs[index]!);
    store(cache, jobs[index]!, result);
    results[index] = result;
  }
  return finish(results as MarkdownResult[]);
}

/** Posts to process below which starting worker threads costs more than it saves. */
const JOBS_PER_THREAD = 40;

/** `loadContent` with the markdown processed on worker threads, one per core, when there is enough of it. */
export async function loadContentInParallel(contentDir: string, options: LoadOptions): Promise<Content> {
  const { jobs, finish } = prepare(contentDir, options);
  const cache = cacheFor(options);
  const { results, missing } = fromCache(jobs, cache);
  const threads = Math.min(availableParallelism(), Math.floor(missing.length / JOBS_PER_THREAD));
  const todo = missing.map((index) => jobs[index]!);
  const processed = threads > 1 ? await processInWorkers(todo, threads) : todo.map(processMarkdown);
  missing.forEach((index, position) => {
    store(cache, jobs[index]!, processed[position]!);
    results[index] = processed[position];
  });
  return finish(results as MarkdownResult[]);
}

export { DEFAULT_CACHE_DIR };

/** Script elements, event handler attributes and `javascript:` URLs: what makes an SVG run code. */
const ACTIVE_SVG = /<script\b|<handler\b|\son[a-z]+\s*=|javascript\s*:|<iframe\b|<embed\b|<object\b/i;

/**
 * Why an SVG may not be published, if it carries code. Images are served from the site's own
 * origin, so a script in one runs with the site's rights when the file is opened on its own (a
 * link to it, or "open image in new tab"), on any host that does not apply the site's CSP.
 */
export function activeSvgContent(svg: string): Omit<ContentProblem, 'file'> | undefined {
  const match = ACTIVE_SVG.exec(svg);
  if (!match) return undefined;
  const before = svg.slice(0, match.index).split('\n');
  const found = match[0].trim();
  return {
    line: before.length,
    column: before.at(-1)!.length + 1 + (match[0].length - match[0].trimStart().length),
    message: `expected an image without scripts, got ${JSON.stringify(found)}; a script in an SVG runs with the site's rights when the file is opened on its own`,
  };
}

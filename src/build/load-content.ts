import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { FEED_SIZE, MEDIA_DIR } from '../content/files.ts';
import { type Site, siteSchema } from '../content/schema.ts';
import { DEFAULT_MARKDOWN_LIMITS } from './analyse-markdown.ts';
import { type VariantJob, describeImage } from './images/describe-image.ts';
import { type RemoteImage, cachedDownload, downloadImage } from './images/remote-images.ts';
import { DEFAULT_IMAGE_CACHE_DIR } from './images/resize-cache.ts';
import { parseYamlMapping, readFrontMatter } from './front-matter.ts';
import { MarkdownCache } from './markdown-cache.ts';
import { processInWorkers } from './markdown-workers.ts';
import { type MarkdownJob, type MarkdownOutput, type MarkdownResult, processMarkdown } from './process-markdown.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { type IgnoredField, type LoadedPost, type PostLimits, type ReadPost, finishPost, readPost, sizeProblem } from './read-post.ts';
import { type Redirect, checkSiteLinks } from './site-links.ts';

/** `content/about.md`, processed like a post. */
interface LoadedAbout {
  title: string;
  markdown: string;
  assetBase: string;
  images: Record<string, import('../markdown/image-info.ts').ImageInfo>;
  languages: string[];
  features: string[];
  html: string;
}

/** A post left out of a production build because its date has not come yet. */
interface ScheduledPost {
  file: string;
  date: string;
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
  /** Every image to resize, posts, covers and about page alike (the same image may be listed more than once). */
  variants?: VariantJob[];
  /** Downloaded images on other hosts to publish: path under the site root → file in the cache. */
  remoteFiles?: Map<string, string>;
  /** Posts dated after `now`, left out (production) or marked (dev). */
  scheduled?: ScheduledPost[];
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
  /** The moment posts dated later are scheduled for, in ms since the epoch; defaults to now. Tests fix it. */
  now?: number;
  /** Folder of resized and downloaded images; defaults to `node_modules/.cache/quire/images`. */
  imageCache?: string;
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
  return readdirSync(dir, { recursive: true, withFileTypes: true })
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
function byDateDescending(a: LoadedPost, b: LoadedPost): number {
  return dateTime(b.meta.date) - dateTime(a.meta.date) || a.meta.title.localeCompare(b.meta.title);
}

const aboutSchema = z.object({
  title: z.string({ error: 'expected a title, got nothing' }).check(z.trim(), z.minLength(1, { error: 'expected a title, got an empty string' })),
});

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
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((issue) => ({ file, ...read.block.locate(issue.path), field: 'title', message: issue.message })));
  const job: MarkdownJob = {
    path: absolute,
    file,
    contentDir: root,
    body: read.block.body,
    bodyLine: read.block.bodyLine,
    base,
    assetBase: `${MEDIA_DIR}/`,
    limits: DEFAULT_MARKDOWN_LIMITS,
  };
  return { title: parsed.success ? parsed.data.title : '', job };
}

/** Everything read from the folder before any markdown is processed, and how to finish from the results. */
interface Prepared {
  jobs: MarkdownJob[];
  site: Site;
  /** Cover images on other hosts. */
  covers: string[];
  /** `downloads`: the remote covers' downloads, by URL. */
  finish: (results: MarkdownResult[], downloads?: Map<string, RemoteImage>) => Content;
}

/**
 * The cover's size and resized copies, so cards and the post's header show it responsively. A
 * cover on another host is shown from its downloaded copy, or not at all when the download failed.
 */
function describeCover(
  post: LoadedPost,
  read: ReadPost,
  root: string,
  downloads: Map<string, RemoteImage>,
  remoteImages: Site['remoteImages'],
  variants: VariantJob[],
  warnings: ContentProblem[],
  publishDownload: (download: RemoteImage | undefined) => void,
) {
  const image = post.meta.image;
  if (image === undefined) return;
  let described: ReturnType<typeof describeImage>;
  let src: string | undefined;
  if (/^https?:\/\//i.test(image)) {
    if (remoteImages === 'allow') return;
    const download = downloads.get(image);
    if (!download?.ok) {
      warnings.push({
        file: read.file,
        line: 1,
        column: 1,
        field: 'image',
        message: `${download?.why ?? `${image} was not downloaded`}; the post is shown without its cover`,
      });
      delete post.meta.image;
      return;
    }
    publishDownload(download);
    described = describeImage(download.file);
    src = download.published;
    post.meta.image = download.published;
  } else if (image.startsWith(`${MEDIA_DIR}/`)) {
    described = describeImage(path.join(root, image.slice(MEDIA_DIR.length + 1)));
  }
  if (!described) return;
  post.meta.cover = { ...described.info, ...(src ? { src } : {}) };
  if (described.job) variants.push(described.job);
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

  const now = options.now ?? Date.now();
  // The feeds carry the newest posts with their full text: only those need feed HTML.
  if (options.feeds && site.url) {
    const origin = new URL(site.url).origin;
    const published = reads.filter((read) => read.post && (options.drafts || (!read.post.front.draft && dateTime(read.post.front.date) <= now)));
    published.sort((a, b) => dateTime(b.post!.front.date) - dateTime(a.post!.front.date) || a.post!.front.title.localeCompare(b.post!.front.title));
    for (const read of published.slice(0, FEED_SIZE)) read.job!.feedOrigin = origin;
  }

  const jobs = [...reads.flatMap((read) => (read.job ? [read.job] : [])), ...(about ? [about.job] : [])];
  for (const job of jobs) job.remoteImages = site.remoteImages ?? 'download';
  return {
    jobs,
    site,
    covers: reads.flatMap((read) => (read.post?.image && /^https?:\/\//i.test(read.post.image) ? [read.post.image] : [])),
    finish(results, downloads = new Map()) {
      const variants: VariantJob[] = [];
      const remoteFiles = new Map<string, string>();
      const imageWarnings: ContentProblem[] = [];
      const scheduled: ScheduledPost[] = [];
      const publishDownload = (download: RemoteImage | undefined) => {
        if (download?.ok) remoteFiles.set(download.published, download.file);
      };
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
        variants.push(...output.variants);
        for (const reference of output.remote) {
          const download = read.job?.remote?.[reference.url];
          publishDownload(download);
          if (download && !download.ok)
            imageWarnings.push({
              file: read.file,
              line: reference.line,
              column: reference.column,
              message: `${download.why}; the post links to the image instead of showing it`,
            });
        }
        describeCover(post, read.post, root, downloads, site.remoteImages, variants, imageWarnings, publishDownload);
        if (dateTime(post.meta.date) > now) {
          scheduled.push({ file: post.file, date: post.meta.date });
          if (!options.drafts) continue;
          post.meta.scheduled = true;
        }
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
      const links = checkSiteLinks({
        site,
        posts,
        assets,
        ...(about && aboutOutput ? { about: { file: about.job.file, siteLinks: aboutOutput.siteLinks } } : {}),
      });
      problems.push(...links.problems);
      const postProblem = (problem: ContentProblem) => reads.some((read) => read.file === problem.file);
      if (problems.length > 0 && !(options.lenient && problems.every(postProblem))) throw new ContentError(problems);
      if (aboutOutput) {
        variants.push(...aboutOutput.variants);
        for (const reference of aboutOutput.remote) publishDownload(about.job.remote?.[reference.url]);
      }
      const warnings = [...posts.flatMap((post) => post.warnings ?? []), ...(aboutOutput?.warnings ?? []), ...links.warnings, ...imageWarnings];
      return {
        site,
        posts,
        assets,
        warnings: warnings.sort(byPlace),
        notes: ignoredFieldNotes(reads),
        redirects: links.redirects,
        rootFiles: links.rootFiles,
        variants,
        remoteFiles,
        scheduled,
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

function store(cache: MarkdownCache | undefined, job: MarkdownJob, result: MarkdownResult) {
  if (cache && result.ok) cache.set(job, result.output);
}

/** Protocol-relative URLs are fetched over https. */
const fetchable = (url: string) => (url.startsWith('//') ? `https:${url}` : url);

/** The remote images the site downloads, by job index, from the first run of each post. */
function remoteNeeds(prepared: Prepared, results: (MarkdownResult | undefined)[]): Map<number, string[]> {
  const needs = new Map<number, string[]>();
  if (prepared.site.remoteImages === 'allow') return needs;
  results.forEach((result, index) => {
    if (result?.ok && result.output.remote.length > 0) needs.set(index, [...new Set(result.output.remote.map((reference) => reference.url))].sort());
  });
  return needs;
}

/** Gives each job the downloads of its remote images: its result (and cache key) then shows them. */
function attachDownloads(prepared: Prepared, needs: Map<number, string[]>, downloads: Map<string, RemoteImage>) {
  for (const [index, urls] of needs) prepared.jobs[index]!.remote = Object.fromEntries(urls.map((url) => [url, downloads.get(url)!]));
}

/** Runs the jobs the cache does not have, on this thread or on workers. */
type Run = (jobs: MarkdownJob[]) => MarkdownResult[] | Promise<MarkdownResult[]>;

async function runJobs(prepared: Prepared, indexes: number[], results: (MarkdownResult | undefined)[], cache: MarkdownCache | undefined, run: Run) {
  const missing = indexes.filter((index) => {
    const output = cache?.get(prepared.jobs[index]!);
    if (output) results[index] = { ok: true, output };
    return !output;
  });
  const processed = await run(missing.map((index) => prepared.jobs[index]!));
  missing.forEach((index, position) => {
    store(cache, prepared.jobs[index]!, processed[position]!);
    results[index] = processed[position];
  });
}

/**
 * Reads a content folder: `site.yaml` (optional), `about.md` (optional), `posts/**\/*.md` and
 * every other file as media, each post's markdown processed on this thread. Throws a
 * ContentError listing every problem in every file when anything is wrong. Images on other hosts
 * are taken from the download cache only: the asynchronous `loadContentInParallel` downloads.
 */
export function loadContent(contentDir: string, options: LoadOptions): Content {
  const prepared = prepare(contentDir, options);
  const { jobs, finish } = prepared;
  const cache = cacheFor(options);
  const results: (MarkdownResult | undefined)[] = jobs.map(() => undefined);
  const runHere = (index: number) => {
    const job = jobs[index]!;
    const cached = cache?.get(job);
    results[index] = cached ? { ok: true, output: cached } : processMarkdown(job);
    if (!cached) store(cache, job, results[index]);
  };
  jobs.forEach((_, index) => runHere(index));
  const needs = remoteNeeds(prepared, results);
  const dir = options.imageCache ?? DEFAULT_IMAGE_CACHE_DIR;
  const fromCache = (url: string): RemoteImage =>
    cachedDownload(fetchable(url), dir) ?? { ok: false, why: `${url} has not been downloaded (the dev server and \`npm run build\` download images)` };
  const downloads = new Map([...new Set([...[...needs.values()].flat(), ...prepared.covers])].map((url) => [url, fromCache(url)]));
  attachDownloads(prepared, needs, downloads);
  for (const index of needs.keys()) runHere(index);
  return finish(results as MarkdownResult[], downloads);
}

/** Posts to process below which starting worker threads costs more than it saves. */
const JOBS_PER_THREAD = 40;
/** Downloads made at once. */
const DOWNLOADS_IN_FLIGHT = 8;

/** Downloads every URL once, a few at a time. */
async function downloadAll(urls: string[], dir: string): Promise<Map<string, RemoteImage>> {
  const downloads = new Map<string, RemoteImage>();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      downloads.set(url, await downloadImage(fetchable(url), dir));
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_IN_FLIGHT }, worker));
  return downloads;
}

/**
 * `loadContent` with the markdown processed on worker threads, one per core, when there is enough
 * of it, and images on other hosts downloaded (when the site does) before the posts showing them
 * are finished.
 */
export async function loadContentInParallel(contentDir: string, options: LoadOptions): Promise<Content> {
  const prepared = prepare(contentDir, options);
  const { jobs, finish } = prepared;
  const cache = cacheFor(options);
  const results: (MarkdownResult | undefined)[] = jobs.map(() => undefined);
  const run: Run = (todo) => {
    const threads = Math.min(availableParallelism(), Math.floor(todo.length / JOBS_PER_THREAD));
    return threads > 1 ? processInWorkers(todo, threads) : todo.map(processMarkdown);
  };
  await runJobs(
    prepared,
    jobs.map((_, index) => index),
    results,
    cache,
    run,
  );
  const needs = remoteNeeds(prepared, results);
  const urls = [...new Set([...[...needs.values()].flat(), ...(prepared.site.remoteImages !== 'allow' ? prepared.covers : [])])];
  const downloads = await downloadAll(urls, options.imageCache ?? DEFAULT_IMAGE_CACHE_DIR);
  attachDownloads(prepared, needs, downloads);
  await runJobs(prepared, [...needs.keys()], results, cache, run);
  return finish(results as MarkdownResult[], downloads);
}

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

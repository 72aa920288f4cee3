import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Site, siteSchema } from '../content/schema.ts';
import { parseYamlMapping } from './front-matter.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { type LoadedPost, type PostLimits, readPost, sizeProblem } from './read-post.ts';

export interface Content {
  site: Site;
  /** Posts to publish, newest first. */
  posts: LoadedPost[];
  /** Files under the content folder that are copied to the site as they are, relative and POSIX-style. */
  assets: string[];
}

export interface LoadOptions {
  /** Keep posts marked `draft: true` (the dev server does, production builds do not). */
  drafts: boolean;
  /** Folder that file names in messages are relative to; defaults to the working directory. */
  cwd?: string;
  /** Overrides of the size and nesting limits on each post (DEFAULT_POST_LIMITS). */
  limits?: Partial<PostLimits>;
}

/**
 * Slugs that would name the same file on a case-insensitive disk (macOS, Windows) or look the same
 * to a reader: `λόγος` and `λόγοσ`, `straße` and `strasse`. Slugs are already NFKC and lower-case.
 */
const slugKey = (slug: string) => slug.toUpperCase().toLowerCase();

const SITE_FILE = 'site.yaml';
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

const time = (date: string) => Date.parse(/T/.test(date) ? date : `${date}T00:00:00Z`);

/** Newest first; posts of the same moment in title order so builds are reproducible. */
export function byDateDescending(a: LoadedPost, b: LoadedPost): number {
  return time(b.meta.date) - time(a.meta.date) || a.meta.title.localeCompare(b.meta.title);
}

/**
 * Reads a content folder: `site.yaml` (optional), `posts/**\/*.md` and every other file as media.
 * Throws a ContentError listing every problem in every file when anything is wrong.
 */
export function loadContent(contentDir: string, options: LoadOptions): Content {
  const root = path.resolve(contentDir);
  const cwd = options.cwd ?? process.cwd();
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
  const posts: LoadedPost[] = [];
  const seen = new Map<string, { slug: string; file: string }>();

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
    let result: ReturnType<typeof readPost>;
    try {
      result = readPost(readFileSync(absolute, 'utf8'), { path: absolute, contentDir: root, file, limits: options.limits });
    } catch (error) {
      // A bug in reading one post must still leave every other file's problems reported, naming this file.
      problems.push({ file, line: 1, column: 1, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { post } = result;
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
  if (problems.length > 0) throw new ContentError(problems);

  return { site, posts: posts.sort(byDateDescending), assets };
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

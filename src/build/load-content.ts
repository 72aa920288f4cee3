import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Site, siteSchema } from '../content/schema.ts';
import { parseYamlMapping } from './front-matter.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { type LoadedPost, readPost } from './read-post.ts';

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
}

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
  const seen = new Map<string, string>();

  for (const relative of files) {
    const absolute = path.join(root, relative);
    if (!relative.startsWith('posts/') || !/\.md$/i.test(relative) || !absolute.startsWith(postsDir)) continue;
    const result = readPost(readFileSync(absolute, 'utf8'), { path: absolute, contentDir: root, file: display(absolute) });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { post } = result;
    const earlier = seen.get(post.meta.slug);
    if (earlier) {
      problems.push({ file: post.file, line: 1, column: 1, field: 'slug', message: `expected a unique slug, got "${post.meta.slug}" which ${earlier} also has` });
      continue;
    }
    seen.set(post.meta.slug, post.file);
    if (options.drafts || !post.meta.draft) posts.push(post);
  }
  if (problems.length > 0) throw new ContentError(problems);

  return { site, posts: posts.sort(byDateDescending), assets: files.filter((file) => !PRIVATE.test(file)) };
}

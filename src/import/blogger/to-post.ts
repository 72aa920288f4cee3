import { stringify } from 'yaml';
import { isValidDate } from '../../content/schema.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { KIND_SCHEME } from './classify.ts';
import { type ExportEntry, entryError } from './read-export.ts';
import { slugFromBloggerPath, slugify } from './slugs.ts';
import { NS, childNamed, childText, childrenNamed } from './xml.ts';

/** A Blogger post read out of its entry, before its slug is made unique. */
export interface BloggerPost {
  entry: ExportEntry;
  title: string;
  /** True when the export had no title and one was made up from the date. */
  untitled: boolean;
  date: string;
  updated?: string;
  description?: string;
  tags: string[];
  draft: boolean;
  /** Site path the post had on Blogger, such as `/2021/05/covid-in-india.html`. */
  oldPath?: string;
  /** Slug the post asks for, from its Blogger path or title. */
  slug: string;
  markdown: string;
}

/**
 * Blogger writes `2021-05-03T10:12:00.001+05:30`; Quire keeps the author's offset and has no use
 * for the milliseconds Blogger adds to tell posts of the same minute apart.
 */
function quireDate(entry: ExportEntry, field: 'published' | 'updated', required: boolean): string | undefined {
  const value = childText(entry.element, NS.atom, field);
  if (value === undefined || value === '') {
    if (required) throw entryError(entry, `expected a <${field}> date, got none`);
    return undefined;
  }
  const date = value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d+/, '$1');
  if (!isValidDate(date)) throw entryError(entry, `expected a <${field}> date like 2021-05-03T10:12:00.001+05:30, got ${JSON.stringify(value)}`);
  return date;
}

/** The path part of a Blogger URL or filename: `https://x.blogspot.com/2021/05/a.html` → `/2021/05/a.html`. */
function sitePath(value: string): string | undefined {
  try {
    const url = new URL(value, 'https://blogger.invalid/');
    return url.pathname === '/' ? undefined : url.pathname;
  } catch {
    return undefined;
  }
}

function oldPathOf(entry: ExportEntry): string | undefined {
  const filename = childText(entry.element, NS.blogger, 'filename');
  if (filename) return sitePath(filename);
  const alternate = childrenNamed(entry.element, NS.atom, 'link').find((link) => link.attributes.rel === 'alternate' && link.attributes.href);
  return alternate ? sitePath(alternate.attributes.href!) : undefined;
}

/** Blogger labels: every category that is not the classic export's kind marker, in order, once each. */
function labelsOf(entry: ExportEntry): string[] {
  const terms = childrenNamed(entry.element, NS.atom, 'category')
    .filter((category) => category.attributes.scheme !== KIND_SCHEME)
    .map((category) => (category.attributes.term ?? '').trim())
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

function bodyOf(entry: ExportEntry): string {
  const content = childNamed(entry.element, NS.atom, 'content');
  if (!content) throw entryError(entry, 'expected a <content type="html"> with the post, got none');
  const type = content.attributes.type ?? 'text';
  if (type !== 'html') throw entryError(entry, `expected <content type="html">, got type=${JSON.stringify(type)}`);
  return htmlToMarkdown(content.text);
}

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/** Reads a post entry (classified as one) into what its markdown file needs. Throws naming the entry when a field is unusable. */
export function toPost(entry: ExportEntry, draft: boolean): BloggerPost {
  const date = quireDate(entry, 'published', true)!;
  const updated = quireDate(entry, 'updated', false);
  const oldPath = oldPathOf(entry);
  // Blogger lets a post go out without a title; Quire needs one to list it.
  const untitled = entry.title === '';
  const title = untitled ? `Untitled (${date.slice(0, 10)})` : entry.title;
  const postId = /post-(\d+)$/.exec(entry.id)?.[1];
  const slug = (oldPath && slugFromBloggerPath(oldPath)) || slugify(entry.title) || (postId ? `post-${postId}` : `post-${entry.index}`);
  const description = childText(entry.element, NS.blogger, 'metaDescription');
  return {
    entry,
    title,
    untitled,
    date,
    updated: updated && later(updated, date) ? updated : undefined,
    description: description || undefined,
    tags: labelsOf(entry),
    draft,
    oldPath,
    slug,
    markdown: bodyOf(entry),
  };
}

/** The markdown file for a post: YAML front matter written by a YAML library, then the body. */
export function postFile(post: BloggerPost): string {
  const front: Record<string, unknown> = { title: post.title, date: post.date };
  if (post.updated) front.updated = post.updated;
  if (post.description) front.description = post.description;
  if (post.tags.length > 0) front.tags = post.tags;
  if (post.draft) front.draft = true;
  if (post.oldPath) front.aliases = [post.oldPath];
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${post.markdown}`;
}

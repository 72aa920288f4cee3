import { type EntryKind, classifyEntry } from './classify.ts';
import { readExport } from './read-export.ts';
import { type Renamed, uniqueSlugs } from './slugs.ts';
import { type BloggerPost, toPost } from './to-post.ts';

type SkippedKind = Exclude<EntryKind['kind'], 'post'>;

/** Everything an import would write and what it left out, before anything touches the disk. */
export interface ImportPlan {
  /** Oldest first, each with its final, unique slug. */
  posts: BloggerPost[];
  skipped: Record<SkippedKind, number>;
  /** Names of the `other` entries, for the summary: a kind this importer does not know. */
  otherKinds: string[];
  renamed: Renamed[];
}

const time = (post: BloggerPost) => Date.parse(post.date);

/**
 * Reads a whole export into an import plan. Throws BloggerExportError naming the first entry that
 * cannot be read, so a broken export writes nothing.
 */
export function planImport(xml: string): ImportPlan {
  const skipped: Record<SkippedKind, number> = { comment: 0, page: 0, settings: 0, template: 0, trashed: 0, other: 0 };
  const otherKinds = new Set<string>();
  const posts: BloggerPost[] = [];
  for (const entry of readExport(xml)) {
    const kind = classifyEntry(entry);
    if (kind.kind === 'post') {
      posts.push(toPost(entry, kind.draft));
      continue;
    }
    skipped[kind.kind]++;
    if (kind.kind === 'other') otherKinds.add(kind.name);
  }
  // Exports list the newest first; the oldest post keeps a reused slug, so its suffix never changes as the blog grows.
  posts.sort((a, b) => time(a) - time(b) || a.entry.index - b.entry.index);
  const { slugs, renamed } = uniqueSlugs(posts.map((post) => post.slug));
  return { posts: posts.map((post, index) => ({ ...post, slug: slugs[index]! })), skipped, otherKinds: [...otherKinds], renamed };
}

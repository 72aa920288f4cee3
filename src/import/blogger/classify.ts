import { type ExportEntry, entryError } from './read-export.ts';
import { NS, childNamed, childText, childrenNamed } from './xml.ts';

/** What an entry is, in either shape of export; only posts are imported, the rest is counted. */
export type EntryKind = { kind: 'post'; draft: boolean } | { kind: 'page' | 'comment' | 'settings' | 'template' | 'trashed' } | { kind: 'other'; name: string };

export const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const KIND_PREFIX = 'http://schemas.google.com/blogger/2008/kind#';

/** `<blogger:status>` values: what Blogger shows as published, as unpublished, and as in the bin. */
const STATUS: Record<string, 'live' | 'draft' | 'trashed'> = {
  LIVE: 'live',
  DRAFT: 'draft',
  // Scheduled posts are not public yet: importing them as drafts keeps them unpublished until the author decides.
  SCHEDULED: 'draft',
  SOFT_TRASHED: 'trashed',
  DELETED: 'trashed',
};

function classifyCurrent(entry: ExportEntry, type: string): EntryKind {
  const upper = type.toUpperCase();
  if (upper === 'COMMENT') return { kind: 'comment' };
  if (upper === 'PAGE') return { kind: 'page' };
  if (upper !== 'POST') return { kind: 'other', name: type };
  const status = childText(entry.element, NS.blogger, 'status');
  if (status === undefined) throw entryError(entry, 'expected a <blogger:status> (LIVE, DRAFT, SCHEDULED or SOFT_TRASHED) on a post, got none');
  const meaning = STATUS[status.toUpperCase()];
  if (!meaning) throw entryError(entry, `expected <blogger:status> LIVE, DRAFT, SCHEDULED or SOFT_TRASHED, got ${JSON.stringify(status)}`);
  return meaning === 'trashed' ? { kind: 'trashed' } : { kind: 'post', draft: meaning === 'draft' };
}

function classifyClassic(entry: ExportEntry, term: string): EntryKind {
  const name = term.startsWith(KIND_PREFIX) ? term.slice(KIND_PREFIX.length) : term;
  if (name === 'comment' || name === 'page' || name === 'settings' || name === 'template') return { kind: name };
  if (name !== 'post') return { kind: 'other', name };
  const control = childNamed(entry.element, NS.app, 'control');
  const draft = control ? childText(control, NS.app, 'draft') : undefined;
  return { kind: 'post', draft: draft?.toLowerCase() === 'yes' };
}

/**
 * Says what an entry is. The current export names it in `<blogger:type>` and `<blogger:status>`;
 * the classic one in a kind `<category>` and `<app:control><app:draft>`. Throws for an entry with neither.
 */
export function classifyEntry(entry: ExportEntry): EntryKind {
  // Only the entry's own <blogger:type>: its <author> has one too (BLOGGER, ANONYMOUS).
  const type = childText(entry.element, NS.blogger, 'type');
  if (type !== undefined) return classifyCurrent(entry, type);
  const kind = childrenNamed(entry.element, NS.atom, 'category').find((category) => category.attributes.scheme === KIND_SCHEME);
  if (kind?.attributes.term) return classifyClassic(entry, kind.attributes.term);
  throw entryError(entry, `expected a <blogger:type> or a <category scheme="${KIND_SCHEME}"> saying what the entry is, got neither`);
}

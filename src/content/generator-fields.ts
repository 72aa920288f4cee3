/**
 * Front matter as Hugo, Jekyll, Astro (its blog template and AstroPaper) and Docusaurus write
 * it, turned into Quire's fields before the schema checks them, so a folder of their posts
 * builds without edits. Build-only: the browser never sees front matter.
 */

/** Each Quire field and the names other generators give it, first found wins. */
const FIELD_NAMES = {
  date: ['date', 'pubDate', 'pubDatetime', 'publishDate'],
  updated: ['updated', 'lastmod', 'updatedDate', 'modDatetime'],
  description: ['description', 'summary', 'excerpt'],
  image: ['image', 'heroImage', 'ogImage'],
} as const satisfies Record<string, readonly string[]>;

/** Fields Quire reads itself, beyond those in FIELD_NAMES. */
const QUIRE_FIELDS = ['title', 'tags', 'categories', 'category', 'draft', 'published', 'featured', 'slug', 'toc', 'aliases', 'permalink', 'series'];

/**
 * Fields other generators write that mean nothing for a Quire site and are accepted without a
 * note: SEO keywords, authorship, the template to use, the order in a menu.
 */
const HARMLESS_FIELDS = ['keywords', 'authors', 'author', 'layout', 'weight', 'id', 'comments', 'type'];

const KNOWN = new Set<string>([...QUIRE_FIELDS, ...HARMLESS_FIELDS, ...Object.values(FIELD_NAMES).flat()]);

/** `2021-05-01-my-title.md`: Jekyll names posts by date, and the date is not part of the URL. */
const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** The date and the rest of a Jekyll-style file name (without its extension), if it has one. */
export function datedName(base: string): { date: string; name: string } | undefined {
  const match = JEKYLL_NAME.exec(base);
  return match ? { date: match[1]!, name: match[2]! } : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `Jul 08 2022` or `July 8, 2022`, as the Astro blog template writes `pubDate`, as `2022-07-08`. */
function monthName(value: string): string | undefined {
  const match = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(value);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const month = MONTHS.findIndex((full) => name === full || name === full.slice(0, 3) || (name === 'sept' && full === 'september'));
  if (month === -1) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
}

/**
 * Jekyll's `2021-05-01 10:30:00 +0200` (a space before the time and the offset, an offset
 * without a colon) as ISO 8601; anything else is returned as it is, for the schema to judge.
 */
function isoDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const written = monthName(value.trim());
  if (written) return written;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return value;
  const [, day, time, zone] = match;
  return `${day}T${time}${zone ? (zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : ''}`;
}

/**
 * A list of tags as written: a list stays a list; a string with commas splits on commas
 * (`linux, memory`); a string without splits on spaces only in a Jekyll post (dated file name),
 * where `tags: linux memory` is two tags, and is otherwise one tag, so `tags: Page Cache` (as
 * Hugo and Quire read it) stays "Page Cache".
 */
function tagList(value: unknown, jekyll: boolean): unknown {
  if (typeof value !== 'string') return value;
  if (value.includes(','))
    return value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  return jekyll ? value.split(/\s+/).filter(Boolean) : [value];
}

export interface GeneratorFields {
  /** The front matter with Quire's field names, ready for the schema. */
  data: Record<string, unknown>;
  /** For each Quire field taken from another name, the name as written: messages point at it. */
  sources: Record<string, string>;
  /** Fields neither Quire nor the harmless list knows: kept out of the post, reported once per name. */
  ignored: string[];
}

/**
 * Renames other generators' fields to Quire's, in the precedence of FIELD_NAMES, merges
 * `categories` into `tags`, reads `published: false` (Jekyll) as a draft and takes the date
 * from a Jekyll file name when no field gives one. `base` is the file name without extension.
 */
export function fromGenerators(front: Record<string, unknown>, base: string): GeneratorFields {
  const data: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const dated = datedName(base);
  for (const key of ['title', 'featured', 'slug', 'toc', 'aliases', 'series'] as const) {
    if (Object.hasOwn(front, key)) data[key] = front[key];
  }
  // Jekyll's `permalink` is where the post was: kept working as an alias. Patterns (`/:title/`) are site settings, not addresses.
  const permalink = front.permalink;
  if (typeof permalink === 'string' && permalink.startsWith('/') && !permalink.includes(':')) {
    const written = data.aliases;
    data.aliases =
      written === undefined
        ? [permalink]
        : typeof written === 'string'
          ? [written, permalink]
          : Array.isArray(written)
            ? [...(written as unknown[]), permalink]
            : written;
  }
  for (const [field, names] of Object.entries(FIELD_NAMES)) {
    // AstroPaper writes `ogImage: ""` for none: a blank field gives way to the next name.
    const name = names.find((candidate) => Object.hasOwn(front, candidate) && front[candidate] !== null && front[candidate] !== '');
    if (name === undefined) continue;
    data[field] = field === 'date' || field === 'updated' ? isoDate(front[name]) : front[name];
    if (name !== field) sources[field] = name;
  }
  if (data.date === undefined && dated) data.date = dated.date;

  const lists = ['tags', 'categories', 'category'].filter((key) => Object.hasOwn(front, key) && front[key] !== null);
  const tagLists = lists.map((key) => tagList(front[key], dated !== undefined));
  // A list that is not a list of strings goes to the schema untouched, for a message about it.
  const bad = tagLists.findIndex((list) => !Array.isArray(list));
  if (bad !== -1) {
    data.tags = tagLists[bad];
    if (lists[bad] !== 'tags') sources.tags = lists[bad]!;
  } else if (lists.length > 0) {
    data.tags = tagLists.flat();
    if (!lists.includes('tags')) sources.tags = lists[0]!;
  }

  if (Object.hasOwn(front, 'draft')) data.draft = front.draft;
  else if (front.published === false) {
    data.draft = true;
    sources.draft = 'published';
  }
  return { data, sources, ignored: Object.keys(front).filter((key) => !KNOWN.has(key)) };
}

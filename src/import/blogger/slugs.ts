import { SLUG_PATTERN } from '../../content/schema.ts';

/** Characters that render as nothing; a slug holding one looks like another (Quire refuses them). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/gu;

/**
 * A Quire slug made of any text: lower-case letters, digits and marks of any script, single
 * hyphens between words. Undefined when nothing usable is left (a title of only punctuation).
 */
export function slugify(text: string): string | undefined {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    // A word may not start with a combining mark: that is where a hyphen cut a letter from its accent.
    .replace(/(^|-)\p{M}+/gu, '$1')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug !== '' && SLUG_PATTERN.test(slug) ? slug : undefined;
}

/** `/2021/05/covid-in-india.html` → `covid-in-india`; Blogger's own repeat suffix `_12` becomes `-12`. */
export function slugFromBloggerPath(oldPath: string): string | undefined {
  const base = oldPath.split('/').pop() ?? '';
  return slugify(base.replace(/\.html?$/i, ''));
}

/** Keys that collide on a case-insensitive disk, as Quire's loader compares them. */
const slugKey = (slug: string) => slug.toUpperCase().toLowerCase();

export interface Renamed {
  from: string;
  to: string;
}

/**
 * Gives every wanted slug a unique one, in the order given: the first keeps its slug, later ones
 * get `-2`, `-3`… Blogger reuses a slug when two posts in different months share a title.
 */
export function uniqueSlugs(wanted: readonly string[]): { slugs: string[]; renamed: Renamed[] } {
  const taken = new Set<string>();
  const renamed: Renamed[] = [];
  const slugs = wanted.map((slug) => {
    let chosen = slug;
    for (let n = 2; taken.has(slugKey(chosen)); n++) chosen = `${slug}-${n}`;
    taken.add(slugKey(chosen));
    if (chosen !== slug) renamed.push({ from: slug, to: chosen });
    return chosen;
  });
  return { slugs, renamed };
}

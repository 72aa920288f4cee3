import { slug } from 'github-slugger';

/**
 * The URL segment of a tag: lower-case, spaces to hyphens, letters of any script kept, so
 * "Page Cache" is `page-cache` and "Résumé" is `résumé`. Tags that differ only in case or
 * spacing share a page.
 */
export function tagSlug(name: string): string {
  return slug(name.normalize('NFKC').trim()) || 'tag';
}

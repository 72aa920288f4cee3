import type { Series } from '../content/schema.ts';
import { tagSlug } from '../content/tags.ts';
import { dateTime } from './load-content.ts';
import type { LoadedPost } from './read-post.ts';

/** A series' URL segment: like a tag's, with runs of spaces counted as one. */
export const seriesSlug = (name: string) => tagSlug(name.replace(/\s+/g, ' '));

/** One series and its parts, oldest first. */
export interface SeriesGroup {
  series: Series;
  posts: LoadedPost[];
}

/**
 * Posts grouped by the series their front matter names, keyed by the series' URL segment. Names
 * that differ only in case or spacing are one series (like tags), called as its first part calls it.
 * Parts are in date order, oldest first; parts of the same moment in title order.
 */
export function groupBySeries(posts: LoadedPost[]): Map<string, SeriesGroup> {
  const groups = new Map<string, SeriesGroup>();
  const oldestFirst = [...posts].sort((a, b) => dateTime(a.meta.date) - dateTime(b.meta.date) || a.meta.title.localeCompare(b.meta.title));
  for (const post of oldestFirst) {
    const name = post.meta.series;
    if (name === undefined) continue;
    const slug = seriesSlug(name);
    const group = groups.get(slug) ?? { series: { name, slug, count: 0 }, posts: [] };
    group.series.count += 1;
    group.posts.push(post);
    groups.set(slug, group);
  }
  return groups;
}

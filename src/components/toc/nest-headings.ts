import type { Heading } from '../../content/schema';

export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** h2 sections with their h3 subsections; an h3 before any h2 stands at the top level. Deeper levels are dropped. */
export function nestHeadings(headings: Heading[]): TocEntry[] {
  const top: TocEntry[] = [];
  let section: TocEntry | undefined;
  for (const heading of headings) {
    const entry = { id: heading.id, text: heading.text, children: [] };
    if (heading.depth === 2) {
      top.push(entry);
      section = entry;
    } else if (heading.depth === 3) {
      (section?.children ?? top).push(entry);
    }
  }
  return top;
}

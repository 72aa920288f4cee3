import { NS, type XmlElement, XmlSyntaxError, childText, childrenNamed, parseXml } from './xml.ts';

/** Why an export cannot be imported; the message names the entry and says what is wrong, and the CLI prefixes the file. */
export class BloggerExportError extends Error {}

/** One `<entry>` of the export, not yet interpreted. */
export interface ExportEntry {
  /** 1-based position among the feed's entries, as the error messages count them. */
  index: number;
  id: string;
  title: string;
  element: XmlElement;
}

/** `entry 3 ("Covid in India" / tag:blogger.com,1999:blog-1.post-2)`: enough to find it in the file. */
function describeEntry(entry: ExportEntry): string {
  const title = entry.title ? JSON.stringify(entry.title) : 'untitled';
  return `entry ${entry.index} (${title} / ${entry.id || `no id, line ${entry.element.line}`})`;
}

/** An error about one entry, in the form `entry N ("title" / id): what is wrong`. */
export const entryError = (entry: ExportEntry, problem: string) => new BloggerExportError(`${describeEntry(entry)}: ${problem}`);

/** Parses a Blogger export and lists its entries; throws BloggerExportError when it is not an Atom feed. */
export function readExport(xml: string): ExportEntry[] {
  let feed: XmlElement;
  try {
    feed = parseXml(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new BloggerExportError(`line ${error.line}, column ${error.column}: expected well-formed XML, got ${error.message.replace(/\.$/, '')}`);
  }
  if (feed.ns !== NS.atom || feed.local !== 'feed') {
    const got = feed.ns ? `<${feed.local}> in ${feed.ns}` : `<${feed.local}>`;
    throw new BloggerExportError(`expected an Atom <feed> (a Blogger "Back up content" export), got ${got}`);
  }
  return childrenNamed(feed, NS.atom, 'entry').map((element, position) => ({
    index: position + 1,
    id: childText(element, NS.atom, 'id') ?? '',
    title: childText(element, NS.atom, 'title') ?? '',
    element,
  }));
}

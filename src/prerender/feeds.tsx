import { Feed } from 'feed';
import { paths } from '../app/paths';
import { FEED_SIZE, articleFiles, dataFiles } from '../content/files';
import { type Manifest, manifestSchema } from '../content/schema';
import { absoluteUrl } from './urls';

/**
 * Text for the feed library's XML: it wraps titles in CDATA but escapes only the first `]]>`, and
 * Atom marks titles as HTML, so markup in a title must arrive already escaped to stay text.
 */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const time = (date: string) => new Date(date.includes('T') ? date : `${date}T00:00:00Z`);

const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/**
 * RSS 2.0's `<author>` must be an e-mail address; a name goes in Dublin Core's `dc:creator`.
 * The feed library writes neither for items without authors, so the element is added to its
 * output: every `</item>` it writes closes an item, and the name is escaped as XML text.
 */
function withCreator(rss: string, author: string | undefined): string {
  if (!author) return rss;
  const creator = `<dc:creator>${xmlText(author).replace(/"/g, '&quot;')}</dc:creator>`;
  // The library declares the Dublin Core namespace itself in current versions; older ones did not.
  const declared = rss.includes(`xmlns:dc="${DC_NAMESPACE}"`) ? rss : rss.replace('<rss ', `<rss xmlns:dc="${DC_NAMESPACE}" `);
  return declared.replaceAll('</item>', `${creator}\n        </item>`);
}

type JsonFeed = Record<string, unknown> & { author?: unknown; items: (Record<string, unknown> & { author?: unknown })[] };

/** The feed library writes JSON Feed 1.0; 1.1 renames `author` to an `authors` list and adds `language`. */
function toJsonFeed11({ author, items, ...feed }: JsonFeed, language: string) {
  return {
    ...feed,
    version: 'https://jsonfeed.org/version/1.1',
    language,
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...(itemAuthor ? { authors: [itemAuthor] } : {}) })),
  };
}

/**
 * RSS 2.0, Atom and JSON Feed 1.1 of the newest posts with their full content, keyed by path
 * under the site root. Feeds need absolute URLs, so there are none without the site's `url`.
 */
export function writeFeeds(read: (file: string) => string, base: string): Map<string, string> {
  const manifest: Manifest = manifestSchema.parse(JSON.parse(read(dataFiles.manifest)));
  const { site, posts } = manifest;
  const files = new Map<string, string>();
  if (!site.url) return files;
  const siteUrl = site.url;
  const abs = (path: string) => absoluteUrl(siteUrl, base, path);
  const root = abs('/');
  const author = site.author ? { name: xmlText(site.author), link: root } : undefined;
  const feed = new Feed({
    id: root,
    link: root,
    title: xmlText(site.title),
    description: xmlText(site.description),
    language: site.language,
    updated: posts[0] ? time(posts[0].updated ?? posts[0].date) : undefined,
    generator: 'Quire',
    copyright: xmlText(site.author ? `© ${site.author}` : site.title),
    author,
    feedLinks: { rss: abs('/rss.xml'), atom: abs('/atom.xml'), json: abs('/feed.json') },
  });
  const items = posts.slice(0, FEED_SIZE);
  for (const meta of items) {
    const link = abs(paths.post.href(meta.slug));
    feed.addItem({
      title: xmlText(meta.title),
      id: link,
      link,
      date: time(meta.updated ?? meta.date),
      published: time(meta.date),
      description: xmlText(meta.excerpt),
      // The content pipeline wrote each feed post's HTML with absolute URLs and no page controls.
      content: read(articleFiles.feed(meta.slug)),
      // Atom writes category labels into attributes unescaped.
      category: meta.tags.map((name) => ({ name: name.replace(/[<>&"]/g, '') })),
      image: meta.image ? abs(meta.image.startsWith('/') ? meta.image : `/${meta.image}`) : undefined,
    });
  }
  files.set('rss.xml', withCreator(feed.rss2(), site.author || undefined));
  // Atom's entries inherit the feed's author; JSON Feed's items name theirs below.
  files.set('atom.xml', feed.atom1());
  // JSON needs no escaping: put the plain text back where the XML needed entities.
  const json = toJsonFeed11(JSON.parse(feed.json1()) as JsonFeed, site.language);
  const authors = site.author ? [{ name: site.author, url: root }] : undefined;
  Object.assign(json, { title: site.title, description: site.description, authors });
  json.items.forEach((item, index) => {
    const meta = posts[index]!;
    Object.assign(item, { title: meta.title, summary: meta.excerpt, tags: meta.tags, authors });
  });
  files.set('feed.json', JSON.stringify(json, null, 2));
  return files;
}

// @vitest-environment node
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { describe, expect, it } from 'vitest';
import { articleFiles, dataFiles } from '../../src/content/files';
import { DATA_VERSION, defaultSite } from '../../src/content/schema';
import { writeFeeds } from '../../src/prerender/feeds';

const post = {
  slug: 'oom',
  title: 'Reading an OOM kill',
  date: '2024-03-10',
  tags: ['linux'],
  tagSlugs: ['linux'],
  excerpt: 'An excerpt.',
  readingTime: 3,
  featured: false,
};

function feedsFor(author: string) {
  const files = new Map([
    [
      dataFiles.manifest,
      JSON.stringify({ version: DATA_VERSION, site: { ...defaultSite, title: 'Notes', url: 'https://example.org', author }, posts: [post] }),
    ],
    [articleFiles.feed('oom'), '<p>The body.</p>'],
  ]);
  return writeFeeds((file) => files.get(file)!, '/');
}

const elements = (node: Root | Element, name: string): Element[] =>
  node.children.flatMap((child) => (child.type === 'element' ? [...(child.name === name ? [child] : []), ...elements(child, name)] : []));

describe('writeFeeds', () => {
  it('names the author of each RSS item in dc:creator, since RSS <author> must be an e-mail address', () => {
    const rss = fromXml(feedsFor('Mara <Lindqvist> & co').get('rss.xml')!);
    const [channel] = elements(rss, 'rss');
    expect(channel?.attributes['xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    const items = elements(rss, 'item');
    expect(items).toHaveLength(1);
    expect(elements(items[0]!, 'author')).toEqual([]);
    const creator = elements(items[0]!, 'dc:creator')[0]!;
    expect(creator.children).toEqual([expect.objectContaining({ type: 'text', value: 'Mara <Lindqvist> & co' })]);
  });

  it('carries the feed HTML the pipeline wrote as each item content', () => {
    expect(feedsFor('Ann').get('rss.xml')).toContain('<p>The body.</p>');
  });

  it('writes no dc:creator for a blog without an author', () => {
    expect(feedsFor('').get('rss.xml')).not.toContain('dc:creator');
  });
});

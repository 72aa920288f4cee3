import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultSite } from '../../src/content/schema';
import { HeadTags, scriptJson } from '../../src/prerender/head-tags';
import { absoluteUrl } from '../../src/prerender/urls';

const site = { ...defaultSite, title: 'Notes', url: 'https://example.org', author: 'Ann', image: 'cover.png' };

function head(html: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head>${html}</head><body></body></html>`, 'text/html');
  const meta = (key: string) => doc.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
  return { doc, meta };
}

describe('head tags', () => {
  it('describe a post for link previews and search engines', () => {
    const html = renderToStaticMarkup(
      <HeadTags
        site={site}
        base="/blog/"
        head={{
          title: 'OOM',
          description: 'Why it died',
          path: '/posts/oom/',
          type: 'article',
          image: 'media/posts/oom/cover.svg',
          published: '2024-01-02',
          modified: '2024-02-03',
          tags: ['linux', 'memory'],
        }}
      />,
    );
    const { doc, meta } = head(html);
    expect(doc.title).toBe('OOM · Notes');
    expect(doc.head.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://example.org/blog/posts/oom/');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:image')).toBe('https://example.org/blog/media/posts/oom/cover.svg');
    expect(meta('article:published_time')).toBe('2024-01-02');
    expect(meta('article:modified_time')).toBe('2024-02-03');
    expect([...doc.head.querySelectorAll('meta[property="article:tag"]')].map((tag) => tag.getAttribute('content'))).toEqual(['linux', 'memory']);
    expect(meta('twitter:card')).toBe('summary_large_image');
    const jsonLd = JSON.parse(doc.head.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(jsonLd).toMatchObject({ '@type': 'BlogPosting', headline: 'OOM', datePublished: '2024-01-02', author: { name: 'Ann' } });
    expect(doc.head.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe('https://example.org/blog/rss.xml');
  });

  it("fall back to the site's default preview image", () => {
    const { meta } = head(renderToStaticMarkup(<HeadTags site={site} base="/" head={{ path: '/' }} />));
    expect(meta('og:type')).toBe('website');
    expect(meta('og:image')).toBe('https://example.org/media/cover.png');
  });

  it('keep a hostile title inside its elements', () => {
    const title = '</script><script>alert(1)</script><!-- "quoted" & <b>';
    const html = renderToStaticMarkup(
      <HeadTags site={site} base="/" head={{ title, description: title, path: '/posts/x/', type: 'article', tags: [title] }} />,
    );
    const { doc, meta } = head(html);
    expect(doc.head.querySelectorAll('script')).toHaveLength(1);
    expect(doc.title).toBe(`${title} · Notes`);
    expect(meta('og:title')).toBe(title);
    expect(JSON.parse(doc.head.querySelector('script')!.textContent).headline).toBe(title);
  });

  it('escape JSON so that no text can close its script element or open a comment', () => {
    const json = scriptJson({ text: '</script><!-- \u2028' });
    expect(json).not.toMatch(/<\/script|<!--|\u2028/);
    expect(JSON.parse(json)).toEqual({ text: '</script><!-- \u2028' });
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['https://example.org', '/', '/posts/x/', 'https://example.org/posts/x/'],
    ['https://example.org/', '/blog/', '/posts/x/', 'https://example.org/blog/posts/x/'],
    ['https://example.org/blog', '/blog/', '/rss.xml', 'https://example.org/blog/rss.xml'],
    ['https://example.org/blog/', '/blog/', '/', 'https://example.org/blog/'],
  ])('joins %s, base %s and %s', (siteUrl, base, path, expected) => {
    expect(absoluteUrl(siteUrl, base, path)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { buildDataFiles } from '../../src/build/data-files';
import type { Content } from '../../src/build/load-content';
import type { LoadedPost } from '../../src/build/read-post';
import { tagSlug } from '../../src/content/tags';
import { type PostMeta, manifestSchema, pageFileSchema, postFileSchema, siteSchema } from '../../src/content/schema';

function post(slug: string, date: string, meta: Partial<PostMeta> = {}): LoadedPost {
  return {
    meta: {
      slug,
      title: `Title of ${slug}`,
      date,
      tags: [],
      excerpt: `About ${slug}.`,
      readingTime: 1,
      featured: false,
      ...meta,
      tagSlugs: (meta.tags ?? []).map(tagSlug),
    },
    markdown: `Body of ${slug}.`,
    headings: [],
    toc: true,
    assetBase: `media/posts/`,
    images: {},
    languages: [],
    features: [],
    html: `<p>Body of ${slug}.</p>`,
    file: `content/posts/${slug}.md`,
  };
}

/** Five posts, newest first as loadContent returns them; `c` is featured. */
const POSTS = [
  post('e', '2024-05-01'),
  post('d', '2024-04-01T12:00:00Z'),
  post('c', '2024-03-01', { featured: true }),
  post('b', '2024-02-01'),
  post('a', '2024-01-01'),
];

function build(posts: LoadedPost[] = POSTS, postsPerPage = 2) {
  const content: Content = { site: siteSchema.parse({ title: 'Blog', postsPerPage }), posts, assets: [] };
  const files = buildDataFiles(content);
  const read = (file: string) => {
    const text = files.get(file);
    if (text === undefined) throw new Error(`expected ${file} among ${[...files.keys()].join(', ')}`);
    return JSON.parse(text) as unknown;
  };
  return { files, read };
}

describe('buildDataFiles', () => {
  it('lists every post in the manifest, newest first, as the browser schema reads it', () => {
    const manifest = manifestSchema.parse(build().read('posts.json'));
    expect(manifest.posts.map((meta) => meta.slug)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(manifest.site.title).toBe('Blog');
  });

  it('pins the newest featured post above every page and leaves it out of the pages', () => {
    const { read } = build();
    const first = pageFileSchema.parse(read('data/pages/1.json'));
    const second = pageFileSchema.parse(read('data/pages/2.json'));
    expect(first.featured?.slug).toBe('c');
    expect(second.featured?.slug).toBe('c');
    expect([...first.posts, ...second.posts].map((meta) => meta.slug)).toEqual(['e', 'd', 'b', 'a']);
  });

  it('chunks the list into pages of postsPerPage, with the count and total on each', () => {
    const { files, read } = build(POSTS, 3);
    expect([...files.keys()].filter((file) => file.startsWith('data/pages/'))).toEqual(['data/pages/1.json', 'data/pages/2.json']);
    expect(pageFileSchema.parse(read('data/pages/1.json'))).toMatchObject({ page: 1, pageCount: 2, total: 4 });
    const last = pageFileSchema.parse(read('data/pages/2.json'));
    expect(last).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(last.posts.map((meta) => meta.slug)).toEqual(['a']);
  });

  it('writes one empty page for a blog with no posts', () => {
    const { files, read } = build([]);
    expect(pageFileSchema.parse(read('data/pages/1.json'))).toMatchObject({ page: 1, pageCount: 1, total: 0, featured: null, posts: [] });
    expect(files.has('data/pages/2.json')).toBe(false);
  });

  it('pins only the newest of several featured posts; the others stay in the list', () => {
    const posts = [post('new', '2024-02-01', { featured: true }), post('old', '2024-01-01', { featured: true })];
    const page = pageFileSchema.parse(build(posts).read('data/pages/1.json'));
    expect(page.featured?.slug).toBe('new');
    expect(page.posts.map((meta) => meta.slug)).toEqual(['old']);
  });

  it('links each post to the older one as prev and the newer one as next, featured or not', () => {
    const { read } = build();
    const links = ['e', 'd', 'c', 'b', 'a'].map((slug) => {
      const file = postFileSchema.parse(read(`data/posts/${slug}.json`));
      return [slug, file.prev?.slug ?? null, file.next?.slug ?? null];
    });
    expect(links).toEqual([
      ['e', 'd', null],
      ['d', 'c', 'e'],
      ['c', 'b', 'd'],
      ['b', 'a', 'c'],
      ['a', null, 'b'],
    ]);
    expect(postFileSchema.parse(read('data/posts/d.json')).prev).toEqual({ slug: 'c', title: 'Title of c' });
  });

  it('carries the markdown as data, never as markup: hostile text survives the JSON round trip unchanged', () => {
    const hostile = post('x', '2024-01-01', { title: '</script><script>alert(1)</script>' });
    hostile.markdown = '<!-- \u2028 \u2029 </script> ]]> -->';
    const file = postFileSchema.parse(build([hostile]).read('data/posts/x.json'));
    expect(file.post.title).toBe('</script><script>alert(1)</script>');
    expect(file.markdown).toBe(hostile.markdown);
  });

  it.each([
    { name: 'no post shares a tag: the newest other posts', tags: {}, expected: ['e', 'd', 'c'] },
    { name: 'one shares a tag: it first, then the newest', tags: { a: ['nfs'], b: ['nfs'] }, expected: ['b', 'e', 'd'], of: 'a' },
    {
      name: 'more share than fit: the most shared tags win',
      tags: { a: ['x', 'y'], b: ['x', 'y'], c: ['x'], d: ['x'], e: ['x'] },
      expected: ['b', 'e', 'd'],
      of: 'a',
    },
  ])('lists three related posts when $name', ({ tags, expected, of = 'a' }) => {
    const posts = POSTS.map((item) => post(item.meta.slug, item.meta.date, { tags: (tags as Record<string, string[]>)[item.meta.slug] ?? [] }));
    const file = postFileSchema.parse(build(posts).read(`data/posts/${of}.json`));
    expect(file.related.map((link) => link.slug)).toEqual(expected);
  });
});

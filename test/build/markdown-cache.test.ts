// @vitest-environment node
/**
 * The build keeps each post's pipeline result between builds. A rebuild after a one-word edit must
 * process that one post, not all of them, and must never serve a page whose inputs have changed:
 * the markdown, the build options, or a file beside the post such as an image it measured.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LoadOptions, loadContent } from '../../src/build/load-content';
import { MarkdownCache } from '../../src/build/markdown-cache';

const svg = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="1" height="1"/></svg>`;
const post = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-01-15\n---\n${body}\n`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A blog of three posts, one with an image beside it, and a cache folder of its own. */
function blog() {
  dir = mkdtempSync(path.join(tmpdir(), 'quire-cache-'));
  const content = path.join(dir, 'content');
  const files: Record<string, string> = {
    'posts/alpha.md': post('Alpha', 'The first post.'),
    'posts/beta.md': post('Beta post', 'The second post, with `code`.\n\n```bash\necho hi\n```'),
    'posts/gamma/index.md': post('Gamma', '![A diagram](diagram.svg)'),
    'posts/gamma/diagram.svg': svg(320, 120),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
    writeFileSync(path.join(content, name), text);
  }
  const options: LoadOptions = { drafts: false, cache: path.join(dir, 'cache') };
  return { content, options, file: (name: string) => path.join(content, name) };
}

/** Loads the content, recording which jobs the cache answered and which were processed and stored. */
function loadWatched(content: string, options: LoadOptions) {
  const get = vi.spyOn(MarkdownCache.prototype, 'get');
  const set = vi.spyOn(MarkdownCache.prototype, 'set');
  try {
    const loaded = loadContent(content, options);
    const asked = get.mock.calls.map(([job]) => job.path);
    const hits = get.mock.results.flatMap((result, index) => (result.type === 'return' && result.value !== undefined ? [asked[index]!] : []));
    const processed = set.mock.calls.map(([job]) => job.path);
    return { loaded, asked, hits, processed };
  } finally {
    get.mockRestore();
    set.mockRestore();
  }
}

const imageOf = (html: string) => /<img [^>]*>/.exec(html)?.[0];

describe('the markdown cache', () => {
  it('processes every post once, and nothing on a second load with nothing changed', () => {
    const { content, options, file } = blog();
    const posts = [file('posts/alpha.md'), file('posts/beta.md'), file('posts/gamma/index.md')];
    const first = loadWatched(content, options);
    expect(first.hits).toEqual([]);
    expect(first.processed.sort()).toEqual(posts);

    const second = loadWatched(content, options);
    expect(second.asked.sort()).toEqual(posts);
    expect(second.hits.sort()).toEqual(posts);
    expect(second.processed).toEqual([]);
    // What the cache served is what processing made.
    expect(second.loaded.posts).toEqual(first.loaded.posts);
  });

  it('re-processes only the post that changed, and shows the change', () => {
    const { content, options, file } = blog();
    loadWatched(content, options);
    writeFileSync(file('posts/beta.md'), post('Beta post', 'The second post, edited.'));

    const again = loadWatched(content, options);
    expect(again.processed).toEqual([file('posts/beta.md')]);
    expect(again.hits.sort()).toEqual([file('posts/alpha.md'), file('posts/gamma/index.md')]);
    const beta = again.loaded.posts.find((loaded) => loaded.meta.slug === 'beta')!;
    expect(beta.html).toContain('The second post, edited.');
    expect(beta.languages).toEqual([]);
  });

  it('re-processes a post whose image changed, so the page reserves the new size', () => {
    const { content, options, file } = blog();
    const before = loadWatched(content, options).loaded.posts.find((loaded) => loaded.meta.slug === 'gamma')!;
    expect(imageOf(before.html)).toMatch(/width="320" height="120"/);

    const image = file('posts/gamma/diagram.svg');
    writeFileSync(image, svg(640, 360));
    // A later modification time, as an editor saving the file gives it, even on a coarse clock.
    const later = new Date(Date.now() + 10_000);
    utimesSync(image, later, later);

    const after = loadWatched(content, options);
    expect(after.processed).toEqual([file('posts/gamma/index.md')]);
    const gamma = after.loaded.posts.find((loaded) => loaded.meta.slug === 'gamma')!;
    expect(gamma.images).toEqual({ 'diagram.svg': { width: 640, height: 360 } });
    expect(imageOf(gamma.html)).toMatch(/width="640" height="360"/);
  });

  it('re-processes a post whose image was touched but not changed in size', () => {
    // A file rewritten with the same length (another image of the same digits) is caught by its time.
    const { content, options, file } = blog();
    loadWatched(content, options);
    const image = file('posts/gamma/diagram.svg');
    writeFileSync(image, svg(230, 110));
    const later = new Date(Date.now() + 20_000);
    utimesSync(image, later, later);

    const after = loadWatched(content, options);
    expect(after.processed).toEqual([file('posts/gamma/index.md')]);
    expect(after.loaded.posts.find((loaded) => loaded.meta.slug === 'gamma')!.images).toEqual({ 'diagram.svg': { width: 230, height: 110 } });
  });

  it('processes every post again for another base path, whose URLs differ', () => {
    const { content, options } = blog();
    loadWatched(content, options);
    const blogBase = loadWatched(content, { ...options, base: '/blog/' });
    expect(blogBase.hits).toEqual([]);
    expect(imageOf(blogBase.loaded.posts.find((loaded) => loaded.meta.slug === 'gamma')!.html)).toContain('src="/blog/media/posts/gamma/diagram.svg"');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataFiles } from '../../src/build/data-files';
import { loadContent } from '../../src/build/load-content';
import { MEDIA_DIR } from '../../src/content/files';
import { postFileSchema } from '../../src/content/schema';

/** Payloads in every field that reaches a page; it must build, and the e2e tests open it in Chromium. */
const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');

describe('the hostile corpus', () => {
  const content = loadContent(HOSTILE, { drafts: false });
  const files = buildDataFiles(content);

  it('builds: payloads that are only text are not the build’s to refuse', () => {
    expect(content.posts.map((post) => post.meta.slug).sort()).toEqual([
      'allowed-html',
      'attribute-injection',
      'code-fence-names',
      'code-fences',
      'deep-nesting',
      'dom-names',
      'feed-breakers',
      'front-matter-payloads',
      'json-breakers',
      'link-schemes',
      'local-files',
      'raw-html',
      'unicode',
    ]);
  });

  it('keeps payloads exactly as written, for the page to escape', () => {
    const byslug = new Map(content.posts.map((post) => [post.meta.slug, post.meta]));
    expect(byslug.get('front-matter-payloads')).toMatchObject({
      title: "</script><script>alert('title')</script><!--",
      excerpt: "\"><img src=x onerror=alert('description')> </title><script>alert('description-2')</script>",
      tags: ["<img src=x onerror=alert('tag')>", "\"><svg onload=alert('tag-2')>", "</title><script>alert('tag-3')</script>", '<!--'],
    });
    expect(byslug.get('attribute-injection')?.image).toBe('https://example.org/cover.png" onerror="alert(\'og-image\')');
    expect(content.site.title).toBe("Hostile </title><script>alert('site-title')</script>");
  });

  it('writes every file inside the site folder', () => {
    const root = path.resolve('/site/dist');
    const paths = [...files.keys(), ...content.assets.map((asset) => `${MEDIA_DIR}/${asset}`)];
    for (const file of paths) {
      expect(path.resolve(root, file).startsWith(root + path.sep)).toBe(true);
      // No `.` or `..` segment, backslash or C0 control (U+0000 to U+001F, as (?![\x7f-\x9f])\p{Cc}).
      expect(file).not.toMatch(/(^|\/)\.\.?(\/|$)|\\|(?![\x7f-\x9f])\p{Cc}/u);
    }
  });

  it('publishes the files beside a post and measures its images, encoded names included', () => {
    expect(content.assets).toEqual([
      'posts/attribute-injection-assets/data.txt',
      'posts/local-files/cover.svg',
      'posts/local-files/name with spaces.svg',
      'posts/local-files/notes.txt',
    ]);
    const local = postFileSchema.parse(JSON.parse(files.get('data/posts/local-files.json')!));
    expect(local.images).toEqual({ 'cover.svg': { width: 120, height: 60 }, 'name%20with%20spaces.svg?v=1#frag': { width: 10, height: 10 } });
    expect(local.post.image).toBe('media/posts/local-files/cover.svg');
  });

  it('warns about each iframe it left out, naming file:line:column, and still builds', () => {
    const iframes = (content.warnings ?? []).filter((warning) => warning.message.startsWith('left out an <iframe>'));
    expect(iframes.map((warning) => `${warning.file}:${warning.line}:${warning.column}`)).toEqual([
      'test/fixtures/hostile/posts/allowed-html.md:39:1',
      'test/fixtures/hostile/posts/allowed-html.md:41:1',
      // The listed iframe further down comes after a <plaintext>, which makes the rest of that post text.
      'test/fixtures/hostile/posts/raw-html.md:15:1',
    ]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, writeHeaders } from '../../src/prerender/headers';

describe('writeHeaders', () => {
  it('revalidates the HTML of every page folder the routes define, under the base path', () => {
    const text = writeHeaders('/blog/').get('_headers')!;
    for (const folder of ['page', 'posts', 'tags', 'archive', 'about', 'search']) {
      expect(text).toMatch(new RegExp(`^/blog/${folder}/\\*\\n  Cache-Control: public, max-age=0, must-revalidate$`, 'm'));
    }
    expect(text).toMatch(/^\/blog\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it('lets frames come only from the two video players, over https', () => {
    const directives = contentSecurityPolicy().split('; ');
    expect(directives.filter((directive) => directive.startsWith('frame-src'))).toEqual([
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    ]);
    expect(writeHeaders('/').get('_headers')).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com;');
  });
});

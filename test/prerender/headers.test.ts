// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { writeHeaders } from '../../src/prerender/headers';

describe('writeHeaders', () => {
  it('revalidates the HTML of every page folder the routes define, under the base path', () => {
    const text = writeHeaders('/blog/').get('_headers')!;
    for (const folder of ['page', 'posts', 'tags', 'archive', 'about', 'search']) {
      expect(text).toMatch(new RegExp(`^/blog/${folder}/\\*\\n  Cache-Control: public, max-age=0, must-revalidate$`, 'm'));
    }
    expect(text).toMatch(/^\/blog\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });

});

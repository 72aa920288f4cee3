// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { writeHeaders } from '../../src/prerender/headers';

const policy = (remoteImages?: 'download' | 'allow') =>
  /Content-Security-Policy: (.*)/.exec(writeHeaders('/', remoteImages ? { remoteImages } : {}).get('_headers')!)![1]!;

describe("the CSP's img-src follows remoteImages", () => {
  it.each([
    [undefined, "img-src 'self' data:"],
    ['download' as const, "img-src 'self' data:"],
    ['allow' as const, "img-src 'self' https: data:"],
  ])('%s: %s', (setting, source) => {
    expect(policy(setting).split('; ')).toContain(source);
  });

  it('caches resized copies for a year: their names change with their content', () => {
    expect(writeHeaders('/blog/').get('_headers')).toMatch(/^\/blog\/media\/img\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });
});

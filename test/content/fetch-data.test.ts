import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataError, fetchData } from '../../src/content/fetch-data';
import { siteFileSchema } from '../../src/content/schema';

const good = JSON.stringify({ version: 1, site: { title: 'T', description: '', author: '', language: 'en', postsPerPage: 5 }, about: false });

describe('fetchData', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['offline', () => Promise.reject(new TypeError('Failed to fetch')), 'offline', /Could not reach the site/],
    ['a server error', () => Promise.resolve(new Response('oops', { status: 503 })), 'server', /answered 503/],
    ['a missing file', () => Promise.resolve(new Response('nope', { status: 404 })), 'not-found', /Not found/],
    ['truncated JSON', () => Promise.resolve(new Response(good.slice(0, 40))), 'invalid', /something other than the expected data/],
    [
      'an HTML page instead of JSON',
      () => Promise.resolve(new Response('<!doctype html><title>Hi</title>')),
      'invalid',
      /something other than the expected data/,
    ],
    ['JSON of the wrong shape', () => Promise.resolve(new Response(JSON.stringify({ version: 1, site: 'x' }))), 'invalid', /damaged or incomplete/],
    ['data from a newer version', () => Promise.resolve(new Response(good.replace('"version":1', '"version":2'))), 'version', /Reload the page/],
  ])('explains %s in words a reader can act on', async (_case, answer, kind, message) => {
    vi.stubGlobal('fetch', vi.fn(answer));
    const error = await fetchData('data/site.json', siteFileSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ kind });
    expect((error as Error).message).toMatch(message);
  });

  it('returns the parsed data and asks for it under the base path', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(good)));
    vi.stubGlobal('fetch', fetchMock);
    await expect(fetchData('data/site.json', siteFileSchema)).resolves.toMatchObject({ site: { title: 'T' } });
    expect(fetchMock).toHaveBeenCalledWith('/data/site.json', expect.anything());
  });
});

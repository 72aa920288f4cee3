// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../scripts/page-cache';

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const out = path.join(work, 'out');
const dir = path.join(work, 'cache');

describe('PageCache', () => {
  it('gives a page back while every file it read is unchanged, in a later build too', () => {
    mkdirSync(path.join(out, 'data'), { recursive: true });
    writeFileSync(path.join(out, 'data/site.json'), '{"title":"A"}');
    writeFileSync(path.join(out, 'data/post.json'), '{"post":1}');
    new PageCache(dir, 'v1', out).set('/posts/x/', ['data/site.json', 'data/post.json'], '<p>x</p>');
    expect(new PageCache(dir, 'v1', out).get('/posts/x/')).toBe('<p>x</p>');
  });

  it('renders again when a file the page read changed, or the renderer did', () => {
    writeFileSync(path.join(out, 'data/post.json'), '{"post":2}');
    expect(new PageCache(dir, 'v1', out).get('/posts/x/')).toBeUndefined();
    new PageCache(dir, 'v1', out).set('/posts/x/', ['data/post.json'], '<p>y</p>');
    expect(new PageCache(dir, 'v1', out).get('/posts/x/')).toBe('<p>y</p>');
    expect(new PageCache(dir, 'v2', out).get('/posts/x/')).toBeUndefined();
  });

  it('renders again when a file the page looked for and did not find appears', () => {
    new PageCache(dir, 'v1', out).set('/about/', ['data/about.json'], '<p>none</p>');
    expect(new PageCache(dir, 'v1', out).get('/about/')).toBe('<p>none</p>');
    writeFileSync(path.join(out, 'data/about.json'), '{}');
    expect(new PageCache(dir, 'v1', out).get('/about/')).toBeUndefined();
  });
});

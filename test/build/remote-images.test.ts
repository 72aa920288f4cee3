// @vitest-environment node
import { formatProblem } from '../../src/build/problems';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from '../../src/build/images/remote-images';
import { loadContentInParallel } from '../../src/build/load-content';

let server: Server;
let origin: string;
let requests: string[];
let dir: string;
/** A port nothing listens on: a download from it fails as one from an offline host does. */
let closedPort: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'quire-remote-'));
  const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#36c' } })
    .png()
    .toBuffer();
  requests = [];
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/pixel.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.url === '/page.png') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>not an image</p>');
    if (req.url === '/liar.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('GIF89a not really');
    if (req.url === '/huge.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const limits = { maxBytes: 1024 * 1024, timeoutMs: 2000 };

describe('downloading an image from another host', () => {
  it.each([
    ['a missing image', '/missing.png', /HTTP 404/],
    ['a page that is not an image', '/page.png', /expected a PNG, JPEG, GIF, WebP or AVIF image .* got content type text\/html/],
    ['bytes that are not the image the server says', '/liar.png', /not that image/],
    ['an image over the size limit', '/huge.png', /at most 1\.0 MiB/],
  ])('refuses %s, saying why', async (_name, route, why) => {
    const result = await downloadImage(`${origin}${route}`, path.join(dir, 'refusals'), limits);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.why).toMatch(why);
  });

  it('fails, without throwing, when the host cannot be reached', async () => {
    const result = await downloadImage(`http://127.0.0.1:${closedPort}/x.png`, path.join(dir, 'offline'), limits);
    expect(result).toEqual({ ok: false, why: expect.stringMatching(/could not download .*ECONNREFUSED/) });
  });

  it('keeps a download by URL: the next build asks the host nothing', async () => {
    const cache = path.join(dir, 'by-url');
    const first = await downloadImage(`${origin}/pixel.png`, cache, limits);
    const asked = requests.length;
    const second = await downloadImage(`${origin}/pixel.png`, cache, limits);
    expect(first).toEqual({ ok: true, file: expect.stringMatching(/\.png$/), published: expect.stringMatching(/^media\/remote\/[0-9a-f]{20}\.png$/) });
    expect(second).toEqual(first);
    expect(requests.length).toBe(asked);
  });
});

function blog(siteYaml: string) {
  const root = mkdtempSync(path.join(dir, 'blog-'));
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'site.yaml'), siteYaml);
  writeFileSync(
    path.join(root, 'posts', 'tracked.md'),
    `---\ntitle: Tracked\ndate: 2021-05-01\n---\nA pixel:\n\n![pixel](${origin}/pixel.png)\n\nAnd one that is gone: ![gone](http://127.0.0.1:${closedPort}/gone.png)\n`,
  );
  return root;
}

describe('a post showing images from other hosts', () => {
  it('shows downloaded ones from the site and links to the ones that failed, with a warning naming the place', async () => {
    const root = blog('title: T\n');
    const content = await loadContentInParallel(root, { drafts: false, imageCache: path.join(dir, 'site-cache'), cwd: root });
    const post = content.posts[0]!;
    expect(post.html).not.toContain(origin);
    expect(post.html).toMatch(/<img(?=[^>]* src="\/media\/remote\/[0-9a-f]{20}\.png")(?=[^>]* alt="pixel")/);
    expect(post.html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/gone\.png" class="image-link"[^>]*>Image: gone/);
    expect(content.warnings!.map(formatProblem)).toEqual([
      expect.stringMatching(/^posts\/tracked\.md:9:23: could not download http:\/\/127\.0\.0\.1:\d+\/gone\.png .*the post links to the image instead/),
    ]);
    expect([...content.remoteFiles!.keys()]).toEqual([expect.stringMatching(/^media\/remote\//)]);
    // Resized like a local image, and the browser gets the same data to render the same HTML.
    expect(post.images[`${origin}/pixel.png`]).toMatchObject({ width: 800, height: 400, variants: { widths: [480, 800] } });
  });

  it('keeps them remote with remoteImages: allow, downloading nothing', async () => {
    const root = blog('title: T\nremoteImages: allow\n');
    const asked = requests.length;
    const content = await loadContentInParallel(root, { drafts: false, imageCache: path.join(dir, 'allow-cache') });
    // Left remote, but this test's host is plain http, which no page loads (the CSP and mixed-content
    // rules block it): the image keeps its words and loses its src, and nothing was downloaded.
    expect(content.posts[0]!.html).toMatch(/<img(?=[^>]* alt="pixel")(?![^>]* src=)/);
    expect(content.warnings).toEqual([]);
    expect(requests.length).toBe(asked);
  });
});

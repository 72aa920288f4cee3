import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, hydrated, siteUrls, test } from './fixtures';

const POST = 'posts/chasing-kvm-guest-latency/';
const ORIGINAL = path.resolve('content/posts/chasing-kvm-guest-latency/latency-heatmap.jpg');

/** The heatmap's responses while `visit` runs: URL and body size. */
async function heatmapDownloads(page: import('@playwright/test').Page, visit: () => Promise<void>) {
  const seen: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (!/latency-heatmap/.test(response.url())) return;
    seen.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await visit();
  await expect(page.getByRole('img', { name: /Heatmap of wake-up latency/ })).toBeVisible();
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  return seen;
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });

  test('a post downloads a small copy of its image, not the original', async ({ page, problems }) => {
    const seen = await heatmapDownloads(page, async () => {
      await page.goto(POST);
      await page.getByRole('img', { name: /Heatmap of wake-up latency/ }).scrollIntoViewIfNeeded();
    });
    const original = statSync(ORIGINAL).size;
    expect(seen.map((download) => download.url)).not.toContainEqual(expect.stringMatching(/latency-heatmap\.jpg$/));
    // 375 CSS pixels at 2x: the 960-pixel AVIF, not the 2400-pixel JPEG.
    expect(seen.map((download) => path.basename(download.url))).toEqual([expect.stringMatching(/^latency-heatmap-[0-9a-f]{12}-960\.avif$/)]);
    expect(seen[0]!.bytes).toBeLessThan(original / 4);
    expect(problems).toEqual([]);
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the image is offered as a picture with its size, and loads the widest copy it needs', async ({ page, problems }) => {
    const seen = await heatmapDownloads(page, async () => {
      await page.goto(POST);
      await page.getByRole('img', { name: /Heatmap of wake-up latency/ }).scrollIntoViewIfNeeded();
    });
    expect(path.basename(seen[0]!.url)).toMatch(/-960\.avif$|-1600\.avif$/);
    const image = page.getByRole('img', { name: /Heatmap of wake-up latency/ });
    await expect(image).toHaveAttribute('width', '2400');
    await expect(image).toHaveAttribute('height', '1200');
    await expect(page.locator('picture source[type="image/avif"]')).toHaveCount(1);
    expect(problems).toEqual([]);
  });

  test('a client-side navigation renders the same picture as the pre-rendered page', async ({ page, problems }) => {
    // React sets an image's src after its other attributes, so compare attributes, not their order.
    const describe = (picture: Element) =>
      [picture, ...picture.querySelectorAll('*')].map((element) => [
        element.tagName,
        ...element
          .getAttributeNames()
          .sort()
          .map((name) => `${name}=${element.getAttribute(name)}`),
      ]);
    await page.goto(POST);
    const prerendered = await page.locator('.prose picture').first().evaluate(describe);
    await page.goto('/');
    await hydrated(page);
    await page
      .getByRole('link', { name: /Chasing KVM guest latency/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /Chasing KVM guest latency/ })).toBeVisible();
    await expect(page.locator('.prose picture').first()).toBeAttached();
    expect(await page.locator('.prose picture').first().evaluate(describe)).toEqual(prerendered);
    expect(prerendered.flat()).toContain('fetchpriority=high');
    expect(problems).toEqual([]);
  });

  test('a post in a series lists its parts, and the series page lists them in order', async ({ page, problems }) => {
    await page.goto('posts/oom-killer-and-the-page-cache/');
    const box = page.getByRole('complementary', { name: /Part 2 of 3 in Memory triage/ });
    await expect(box).toBeVisible();
    await expect(box.locator('[aria-current="page"]')).toHaveText('The OOM killer, the page cache and cgroup v2 limits');
    await box.getByRole('link', { name: 'Memory triage' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Series: Memory triage' })).toBeVisible();
    await expect(page.locator('.series-parts .card-title')).toHaveText([/Notes on reading \/proc\/meminfo/, /The OOM killer/, /Why malloc fails/]);
    expect(problems).toEqual([]);
  });

  test('a post shares a 1200×630 PNG preview', async ({ page, request }) => {
    await page.goto(POST);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(/\/og\/chasing-kvm-guest-latency\.png$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const response = await request.get(new URL('og/chasing-kvm-guest-latency.png', siteUrls.root).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    // The PNG header's IHDR chunk holds the width and height.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

import type { Locator, Page } from '@playwright/test';
import { expect, siteUrls, test } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

const box = async (locator: Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} has no box`);
  return found;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(page: Page, path: string, width: number, height = 900) {
  await page.setViewportSize({ width, height });
  await page.goto(path);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

test.describe('the header on a phone', () => {
  for (const path of ['', 'posts/five-day-ratio-growth-indicator/', 'tags/']) {
    test(`takes at most two rows and overlaps nothing at /${path}`, async ({ page, problems }) => {
      await open(page, path, 375);
      const header = page.locator('.site-header');
      expect((await box(header)).height).toBeLessThanOrEqual(112);
      const badge = page.locator('.search-shortcut');
      const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      await expect(links).toHaveCount(4);
      const parts = [page.locator('.site-title'), page.getByRole('combobox', { name: 'Search posts' }), page.getByRole('button', { name: 'Dark theme' })];
      for (const link of await links.all()) {
        const linkBox = await box(link);
        if (await badge.isVisible()) expect(overlap(await box(badge), linkBox), 'the / badge covers a nav link').toBe(false);
        for (const part of parts) expect(overlap(await box(part), linkBox)).toBe(false);
      }
      // The search field is on screen, wide enough to type in, and the badge (if shown) inside it.
      const field = await box(page.getByRole('combobox', { name: 'Search posts' }));
      expect(field.width).toBeGreaterThanOrEqual(100);
      expect(field.x + field.width).toBeLessThanOrEqual(375);
      if (await badge.isVisible()) {
        const badgeBox = await box(badge);
        expect(badgeBox.x).toBeGreaterThanOrEqual(field.x);
        expect(badgeBox.x + badgeBox.width).toBeLessThanOrEqual(field.x + field.width);
        expect(badgeBox.y).toBeGreaterThanOrEqual(field.y);
        expect(badgeBox.y + badgeBox.height).toBeLessThanOrEqual(field.y + field.height);
      }
      expect(problems).toEqual([]);
    });
  }

  test('opens search results below the whole header, within the window', async ({ page }) => {
    await open(page, '', 375);
    await page.getByRole('combobox', { name: 'Search posts' }).fill('memory');
    const popup = page.getByRole('listbox');
    // The first search loads the box's code, the worker and the index: more than a keystroke's wait.
    await expect(popup).toBeVisible({ timeout: 15_000 });
    const popupBox = await box(popup);
    expect(popupBox.x).toBeGreaterThanOrEqual(0);
    expect(popupBox.x + popupBox.width).toBeLessThanOrEqual(375);
    expect(popupBox.width).toBeGreaterThan(300);
  });
});

test.describe('the footer', () => {
  for (const width of [1280, 800, 375]) {
    test(`starts where the content column does at ${width} px`, async ({ page }) => {
      await open(page, 'tags/', width);
      const heading = await box(page.getByRole('heading', { level: 1 }));
      const text = await box(page.locator('.site-footer p').first());
      expect(Math.abs(text.x - heading.x)).toBeLessThanOrEqual(1);
    });
  }

  for (const path of ['tags/', 'about/', 'no-such-page/']) {
    test(`sits at the bottom of the window on the short page /${path}`, async ({ page }) => {
      await open(page, path, 1280, 1000);
      const footer = await box(page.locator('.site-footer'));
      const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(scrollHeight).toBeLessThanOrEqual(1000);
      expect(Math.round(footer.y + footer.height)).toBe(1000);
    });
  }
});

test.describe('tables', () => {
  const post = 'posts/why-malloc-fails-when-free-says-there-is-memory/';

  for (const width of [375, 1280]) {
    test(`keep inline code in a cell on one line at ${width} px`, async ({ page }) => {
      await open(page, post, width);
      const code = page.locator('.prose td code', { hasText: 'vm.overcommit_memory' }).first();
      await expect(code).toBeVisible();
      const lines = await code.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines).toBe(1);
      const { height } = await box(code);
      const lineHeight = await code.evaluate((element) => parseFloat(getComputedStyle(element.parentElement!).lineHeight));
      expect(height).toBeLessThanOrEqual(lineHeight);
    });
  }

  test('scroll sideways on a phone and show a shadow where more of the table is', async ({ page }) => {
    await open(page, post, 375);
    const region = page.getByRole('region').filter({ has: page.locator('td code', { hasText: 'vm.overcommit_memory' }) });
    const overflow = await region.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
      right: element.getBoundingClientRect().right,
    }));
    expect(overflow.scroll).toBeGreaterThan(overflow.client);
    expect(overflow.right).toBeLessThanOrEqual(375);
    // The hint is drawn by the box's background: covers that scroll with the content, shadows that do not.
    const attachments = await region.evaluate((element) => getComputedStyle(element).backgroundAttachment);
    expect(attachments.split(', ')).toEqual(expect.arrayContaining(['local', 'scroll']));
    // The shadow is what differs from the same box drawn without its background: at the start
    // only the right edge is shaded, scrolled to the end only the left.
    await region.scrollIntoViewIfNeeded();
    const strip = async (side: 'left' | 'right') => {
      const r = await box(region);
      return page.screenshot({ clip: { x: side === 'left' ? r.x : r.x + r.width - 6, y: r.y, width: 6, height: r.height } });
    };
    const shaded = async (side: 'left' | 'right') => {
      const drawn = await strip(side);
      await region.evaluate((element) => (element.style.background = 'var(--bg)'));
      const plain = await strip(side);
      await region.evaluate((element) => (element.style.background = ''));
      return !drawn.equals(plain);
    };
    expect(await shaded('right')).toBe(true);
    expect(await shaded('left')).toBe(false);
    await region.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    expect(await shaded('right')).toBe(false);
    expect(await shaded('left')).toBe(true);
  });
});

test('the chart labels its x axis several times on a phone, without overlaps', async ({ page }) => {
  await open(page, 'posts/five-day-ratio-growth-indicator/', 375);
  const chart = page.getByRole('img', { name: /Daily reported cases/ });
  const labels = chart.locator('.chart-x-tick text');
  const visible: Box[] = [];
  for (const label of await labels.all()) if (await label.isVisible()) visible.push(await box(label));
  expect(visible.length).toBeGreaterThanOrEqual(3);
  visible.sort((a, b) => a.x - b.x);
  for (let i = 1; i < visible.length; i++) expect(visible[i]!.x).toBeGreaterThan(visible[i - 1]!.x + visible[i - 1]!.width);
});

test.describe('under BASE_PATH=/blog/', () => {
  test('the home links keep their slash', async ({ page }) => {
    await page.goto(`${siteUrls.blog}tags/`);
    await expect(page.locator('.site-title')).toHaveAttribute('href', '/blog/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/blog/');
  });

  test('the preview server redirects /blog to /blog/', async ({ request }) => {
    const response = await request.get(siteUrls.blog.replace(/\/$/, ''), { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(response.headers().location).toBe('/blog/');
  });
});

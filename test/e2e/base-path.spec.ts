import { expect, siteUrls, test } from './fixtures';

const BLOG = siteUrls.blog;

test('a site built with BASE_PATH=/blog/ works under /blog/', async ({ page, problems }) => {
  await page.goto(BLOG);
  await expect(page.getByRole('heading', { name: 'Recent posts' })).toBeVisible();
  await page
    .getByRole('link', { name: /Tuning an IPsec tunnel/ })
    .first()
    .click();
  await expect(page).toHaveURL(`${BLOG}posts/ipsec-tunnel-between-data-centres/`);
  await expect(page.getByRole('img', { name: /gateways|tunnel/i }).first()).toHaveJSProperty('complete', true);
  expect(
    await page
      .getByRole('img', { name: /gateways|tunnel/i })
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IPsec');
  await page.getByRole('link', { name: 'Quire Notes' }).click();
  await expect(page).toHaveURL(/\/blog\/?$/);
  await expect(page.getByRole('heading', { name: 'Recent posts' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('under /blog/ an unknown URL gets the not-found page and links stay under /blog/', async ({ page, request }) => {
  const response = await page.goto(`${BLOG}no-such-page/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', /^\/blog\/?$/);
  const html = await (await request.get(`${BLOG}posts/oom-killer-and-the-page-cache/`)).text();
  expect(html).toContain('href="https://quire.example.org/blog/posts/oom-killer-and-the-page-cache/"');
  // The loader starts the app from under /blog/.
  expect(html).toMatch(/\["\/blog\/assets\/index-[\w-]+\.js"/);
  const rss = await (await request.get(`${BLOG}rss.xml`)).text();
  expect(rss).toContain('https://quire.example.org/blog/posts/');
});

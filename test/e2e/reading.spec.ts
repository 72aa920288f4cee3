import { expect, hydrated, test } from './fixtures';

const POST = 'posts/ipsec-tunnel-between-data-centres/';
const POST_TITLE = /Tuning an IPsec tunnel between two data centres/;

test('a reader opens the home page, reads a post and comes back', async ({ page, problems }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Featured post' })).toContainText('Why malloc fails');
  await expect(page.getByRole('heading', { name: 'Recent posts' })).toBeVisible();

  // The page reads before the app starts (it starts after the first paint); a click from here on is the app's.
  await hydrated(page);
  await page.getByRole('link', { name: POST_TITLE }).first().click();
  await expect(page).toHaveURL(new RegExp(POST));
  await expect(page.getByRole('heading', { level: 1, name: POST_TITLE })).toBeFocused();
  await expect(page).toHaveTitle(/Tuning an IPsec tunnel.* · Quire Notes/);
  await expect(page.getByRole('status').filter({ hasText: /Tuning an IPsec tunnel/ })).toHaveCount(1);
  await expect(page.locator('pre code.hljs').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /gateways|tunnel/i }).first()).toHaveAttribute('width', /\d+/);

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Featured post' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the skip link is the first thing Tab reaches and moves focus to the main content', async ({ page, problems }) => {
  await page.goto(POST);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(problems).toEqual([]);
});

test('a deep link opens the post directly, with the previous and next posts linked', async ({ page, problems }) => {
  await page.goto(POST);
  await expect(page.getByRole('heading', { level: 1, name: POST_TITLE })).toBeVisible();
  const more = page.getByRole('navigation', { name: 'More posts' });
  await expect(more.getByRole('link', { name: /Previous post/ })).toBeVisible();
  await more.getByRole('link', { name: /Next post/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(POST_TITLE);
  expect(problems).toEqual([]);
});

test('an unknown URL shows the not-found page with a way home', async ({ page, problems }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { name: 'Recent posts' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unknown post slug shows the not-found page', async ({ page, problems }) => {
  await page.goto('/');
  await hydrated(page);
  await page.evaluate(() => {
    history.pushState(null, '', '/posts/no-such-post/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(problems).toEqual([]);
});

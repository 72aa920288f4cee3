import { expect, test } from './fixtures';

test('typing in the header search shows marked results; arrows and Enter open a post', async ({ page, problems }) => {
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('/posts.json') || pathname.includes('/data/search/')) dataRequests.push(pathname.replace(/^.*?(?=posts\.json$|data\/search\/)/, ''));
  });
  await page.goto('/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  expect(dataRequests, 'the home page does not load the search data').toEqual([]);

  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search posts' });
  await expect(box).toBeFocused();
  await box.pressSequentially('iptabels');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.first()).toContainText('Mirroring traffic');
  await expect(options.first().locator('mark').first()).toBeVisible();
  await expect(page.getByRole('search', { name: 'Site' }).getByRole('status')).toHaveText(/\d+ results?/);
  expect(dataRequests, 'search loads its index and the shards of the results shown, never the manifest').toContain('data/search/index.json');
  expect(dataRequests.every((file) => /^data\/search\/(index|posts\/\d+)\.json$/.test(file))).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Mirroring traffic/ })).toBeVisible();
  await expect(page).toHaveURL(/\/posts\/mirroring-traffic-with-iptables-tee\/$/);
  expect(problems).toEqual([]);
});

test('Escape closes the results; Ctrl+K focuses the box', async ({ page }) => {
  await page.goto('archive/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search posts' });
  await expect(box).toBeFocused();
  await box.pressSequentially('memory');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
});

test('/search?q= opens with the results, and Back returns to the previous query', async ({ page, problems }) => {
  const response = await page.goto('search/?q=oom+killer');
  expect(response?.status()).toBe(200);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('article').first()).toContainText('OOM killer');
  await expect(results.locator('mark').first()).toBeVisible();

  await page.goto('search/?q=kvn+latency');
  await expect(results.getByRole('article').first()).toContainText('KVM');
  await page.goBack();
  await expect(page).toHaveURL(/q=oom\+killer/);
  await expect(results.getByRole('article').first()).toContainText('OOM killer');
  expect(problems).toEqual([]);
});

test('a search with no match says so and offers the recent posts', async ({ page }) => {
  await page.goto('search/?q=zzqqxx');
  await expect(page.getByText(/No posts match/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Recent posts/ })).toBeVisible();
});

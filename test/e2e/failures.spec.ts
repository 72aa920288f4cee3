import { expect, test } from './fixtures';

test('a post that fails to load offers a retry that works, and the rest of the site stays usable', async ({ page }) => {
  await page.goto('/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.route('**/data/posts/*.json', (route) => route.abort('internetdisconnected'));
  await page
    .getByRole('link', { name: /Tuning an IPsec tunnel/ })
    .first()
    .click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not reach the site');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.unroute('**/data/posts/*.json');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Tuning an IPsec tunnel/ })).toBeVisible();
});

for (const [name, fulfil] of [
  ['a server error', { status: 500, body: 'Internal Server Error' }],
  ['truncated JSON', { status: 200, contentType: 'application/json', body: '{"version":1,"tags":[{"na' }],
  ['an HTML page served instead of JSON', { status: 200, contentType: 'text/html', body: '<!doctype html><p>Welcome to nginx!</p>' }],
  ['data from a newer version', { status: 200, contentType: 'application/json', body: '{"version":2,"tags":[]}' }],
] as const) {
  test(`${name} shows a clear message instead of a blank page`, async ({ page }) => {
    await page.goto('/');
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.route('**/data/tags.json', (route) => route.fulfill(fulfil));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await expect(page.getByRole('alert')).toContainText(/could not be loaded/i);
    await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible();
  });
}

import { expect, hydrated, test } from './fixtures';

test('a reader goes from the tags page to a tag to one of its posts', async ({ page, problems }) => {
  await page.goto('tags/');
  await hydrated(page);
  await page.getByRole('link', { name: /^kvm \(\d+ posts?\)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Posts tagged “kvm”' })).toBeVisible();
  await page
    .getByRole('link', { name: /Chasing KVM guest latency/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Chasing KVM guest latency/ })).toBeFocused();
  await page.getByRole('link', { name: 'Tag: kvm' }).first().click();
  await expect(page).toHaveURL(/\/tags\/kvm\/$/);
  expect(problems).toEqual([]);
});

test('the archive groups posts by year and collapses a year', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('archive/');
  const year = page.locator('details.archive-year').first();
  const firstPost = year.getByRole('listitem').first().getByRole('link');
  await expect(firstPost).toBeVisible();
  await year.locator('summary').click();
  await expect(firstPost).toBeHidden();
  expect(problems).toEqual([]);
});

test('the table of contents scrolls to a section and marks it as the one being read', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('posts/five-day-ratio-growth-indicator/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  const toc = page.getByRole('navigation', { name: 'Table of contents' });
  const link = toc.getByRole('link', { name: 'The code' });
  await link.click();
  await expect(page).toHaveURL(/#the-code$/);
  await expect(page.getByRole('heading', { level: 2, name: /The code/ })).toBeInViewport();
  await expect(link).toHaveAttribute('aria-current', 'location');
  expect(problems).toEqual([]);
});

test('a deep link to a section scrolls there on a first visit', async ({ page, problems }) => {
  await page.goto('posts/five-day-ratio-growth-indicator/#the-code');
  await expect(page.getByRole('heading', { level: 2, name: /The code/ })).toBeInViewport();
  expect(problems).toEqual([]);
});

test('the copy button puts the code on the clipboard and says so', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('posts/five-day-ratio-growth-indicator/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await expect(page.getByRole('button', { name: 'Copy code (five_day.py, Python)' }).first()).toBeVisible();
  // Its name changes to "Copied" once pressed, so hold on to the element by its place.
  const button = page.locator('.code-block:has(code.language-python) button').first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  await expect(button).toHaveAccessibleName('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const code = await page.locator('pre code.language-python').first().innerText();
  expect(copied.trim()).toBe(code.trim());
  expect(problems).toEqual([]);
});

test('the theme toggle survives a reload without a flash of the other theme', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // Record the background at the very first paint after reload: the theme script must already have run.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { firstBackground: string }).firstBackground = getComputedStyle(document.body).backgroundColor;
    });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { firstBackground: string }).firstBackground)).toBe(dark);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});

test('a chart fence renders as an SVG chart with its data as a table', async ({ page, problems }) => {
  await page.goto('posts/five-day-ratio-growth-indicator/');
  const chart = page.getByRole('img', { name: /Daily reported cases/ }).first();
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
  await page.getByText('Show data').first().click();
  await expect(page.locator('.chart-data table').first().getByRole('row')).not.toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the chart and its table are in the HTML for readers without JavaScript', async ({ request }) => {
  const html = await (await request.get('posts/five-day-ratio-growth-indicator/')).text();
  expect(html).toMatch(/<svg[^>]*role="img"/);
  expect(html).toContain('Show data');
});

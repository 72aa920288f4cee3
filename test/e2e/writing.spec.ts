import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';

const MATH_POST = 'posts/five-day-ratio-growth-indicator/';
const PLAIN_POST = 'posts/oom-killer-and-the-page-cache/';
const NFS_POST = 'posts/nfs-writeback-stalls-and-dirty-ratios/';
const FIO_POST = 'posts/measuring-io-latency-with-fio-and-go/';
/** A post with none of the features whose styles load apart: no callout, code options, raw HTML, math or diagram. */
const BARE_POST = 'posts/notes-on-reading-proc-meminfo/';
const FEATURE_STYLES = /\/assets\/(?:writing|raw-html)-[\w-]+\.css$/;

/** Every script and stylesheet URL the page fetched. */
function fetched(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  return urls;
}

/** A client-side navigation to the post: from the home page, through the router. */
async function navigateTo(page: Page, path: string) {
  await page.goto('/');
  // The app starts after the first paint: navigating before it has would be the browser's, not the app's.
  await hydrated(page);
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/${path}`);
}

for (const how of ['pre-rendered', 'navigated to'] as const) {
  test(`math is typeset, and diagrams drawn, on a ${how} post`, async ({ page, problems }) => {
    const urls = fetched(page);
    if (how === 'pre-rendered') await page.goto(MATH_POST);
    else await navigateTo(page, MATH_POST);
    const article = page.locator('.prose');
    const display = article.locator('.katex-display').first();
    await expect(display).toBeVisible();
    // KaTeX's stylesheet applied: the MathML is visually hidden and the HTML rendering shown.
    await expect(display.locator('.katex-mathml')).toHaveCSS('position', 'absolute');
    await expect(display.locator('.katex-html')).toBeVisible();
    expect(await display.locator('.katex-html').evaluate((element) => getComputedStyle(element.querySelector('.mord')!).fontFamily)).toMatch(/KaTeX/);
    expect(urls.some((url) => url.endsWith('katex.min.css'))).toBe(true);

    const figure = article.locator('figure[data-diagram="mermaid"]');
    await expect(figure.locator('.diagram-drawing svg')).toBeVisible();
    await expect(figure.locator('.diagram-drawing')).toContainText('Doubling time');
    // The source folds away once drawn, and opens on demand.
    const source = figure.locator('details');
    await expect(source).not.toHaveAttribute('open');
    await source.locator('summary').click();
    await expect(source.locator('pre code')).toContainText('flowchart LR');
    expect(problems).toEqual([]);
  });
}

test('a diagram follows the colour scheme when the reader switches it', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(MATH_POST);
  const figure = page.locator('figure[data-diagram="mermaid"]');
  await expect(figure).toHaveAttribute('data-drawn', 'light');
  const fill = () =>
    figure
      .locator('.diagram-drawing svg .node rect, .diagram-drawing svg .node polygon')
      .first()
      .evaluate((node) => getComputedStyle(node).fill);
  const lightFill = await fill();
  await page
    .getByRole('button', { name: /dark|theme/i })
    .first()
    .click();
  await expect(figure).toHaveAttribute('data-drawn', 'dark');
  expect(await fill()).not.toBe(lightFill);
  expect(problems).toEqual([]);
});

test('a post without math or diagrams loads neither KaTeX nor mermaid', async ({ page, problems }) => {
  const urls = fetched(page);
  await page.goto(PLAIN_POST);
  await expect(page.locator('.prose pre').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await navigateTo(page, NFS_POST);
  await expect(page.locator('.callout').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(urls.filter((url) => /katex|mermaid|draw-diagrams|dagre|flowDiagram|\/math-/i.test(url))).toEqual([]);
  expect(problems).toEqual([]);
});

test('without JavaScript, math reads as typeset HTML and the diagram source as code', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(MATH_POST);
  await expect(page.locator('.katex-display').first()).toBeVisible();
  await expect(page.locator('figure[data-diagram="mermaid"] details[open] pre code')).toContainText('flowchart LR');
  await context.close();
});

test('a post without callouts, code options or raw HTML downloads none of their styles or code', async ({ page, problems }) => {
  const urls = fetched(page);
  await page.goto(BARE_POST);
  await expect(page.locator('.prose pre').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(urls.filter((url) => url.endsWith('.css'))).toHaveLength(1);
  expect(urls.filter((url) => FEATURE_STYLES.test(url))).toEqual([]);
  // Nor the code of what writers add (sessions' Copy, video embeds, diagrams); the renderer prefetched at idle for the next page is not this page's.
  expect(urls.filter((url) => /writing-behaviour|draw-diagrams/.test(url))).toEqual([]);
  expect(problems).toEqual([]);
});

for (const [scheme, how] of [
  ['light', 'pre-rendered'],
  ['dark', 'pre-rendered'],
  ['light', 'navigated to from a post without them'],
] as const) {
  test(`callouts are styled, titled and coloured in the ${scheme} scheme, ${how}`, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: scheme });
    if (how === 'pre-rendered') await page.goto(NFS_POST);
    else {
      await page.goto(BARE_POST);
      await hydrated(page);
      await page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/${NFS_POST}`);
    }
    const callout = page.getByRole('note').filter({ hasText: 'Why roll it back?' });
    await expect(callout).toHaveClass(/callout-note/);
    const title = callout.locator('.callout-title');
    await expect(title).toHaveText('Why roll it back?');
    const styles = await callout.evaluate((element) => {
      const own = getComputedStyle(element);
      const icon = getComputedStyle(element.querySelector('.callout-title')!, '::before');
      return { border: own.borderLeftColor, background: own.backgroundColor, iconWidth: icon.width, mask: icon.maskImage };
    });
    expect(styles.border).not.toBe(styles.background);
    expect(styles.mask).toMatch(/^url\("data:image\/svg\+xml/);
    expect(parseFloat(styles.iconWidth)).toBeGreaterThan(10);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(styles.background).not.toBe(background);
    expect(problems).toEqual([]);
  });
}

test('code blocks show their title, highlighted lines and numbers, and Copy leaves out prompts and output', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(MATH_POST);
  const python = page.locator('.code-block').filter({ has: page.locator('.code-block-title', { hasText: 'five_day.py' }) });
  await expect(python.locator('.code-line[data-highlighted]')).toHaveCount(4);
  await expect(python.locator('.code-line[data-highlighted]').first()).toContainText('def five_day_ratios');
  const number = await python
    .locator('.code-line')
    .nth(5)
    .evaluate((line) => getComputedStyle(line, '::before').content);
  expect(number).toBe('counter(line)');

  await page.goto(NFS_POST);
  const diff = page.locator('pre:has(code.language-diff)');
  await expect(diff.locator('.code-line[data-diff="added"]')).toHaveCount(2);
  const added = await diff
    .locator('.code-line[data-diff="added"]')
    .first()
    .evaluate((line) => getComputedStyle(line).backgroundColor);
  const removed = await diff
    .locator('.code-line[data-diff="removed"]')
    .first()
    .evaluate((line) => getComputedStyle(line).backgroundColor);
  expect(added).not.toBe(removed);

  const session = page.locator('.code-block:has(pre[data-session])').filter({ hasText: 'mountpoint -d' });
  await session.getByRole('button', { name: /^Copy/ }).click();
  await expect(session.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('mountpoint -d /mnt/archive\ncat /sys/class/bdi/0:52/max_ratio');

  await page.goto(FIO_POST);
  await expect(page.locator('.code-block-title', { hasText: 'main.go' })).toBeVisible();
  expect(problems).toEqual([]);
});

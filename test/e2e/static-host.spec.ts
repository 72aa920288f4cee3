import { expect, test } from './fixtures';

const POST = 'posts/oom-killer-and-the-page-cache/';

for (const path of ['', 'page/2/', 'page/2', POST, POST.replace(/\/$/, ''), 'tags/linux/', 'tags/linux', 'archive/', 'search/?q=nfs']) {
  test(`"/${path}" loads directly and on refresh from a plain static server`, async ({ page, problems }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const heading = page.getByRole('heading', { level: 1 });
    const before = await heading.textContent();
    await page.reload();
    await expect(heading).toHaveText(before ?? '');
    expect(problems).toEqual([]);
  });
}

test("the post's text is in the HTML before any script runs", async ({ request }) => {
  const response = await request.get(POST);
  const html = await response.text();
  expect(html).toContain('<h1');
  expect(html).toMatch(/OOM killer/);
  expect(html).toContain('id="quire-state"');
  expect(html).toMatch(/<meta property="og:type" content="article"\/?>/);
  expect(html).toContain('"@type":"BlogPosting"');
  expect(html).toMatch(/<link rel="canonical" href="https:\/\/quire\.example\.org\/posts\/oom-killer-and-the-page-cache\/"/);
});

test('with JavaScript disabled a reader can read a post and follow its links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Archive' }).click();
  await page
    .getByRole('link', { name: /The OOM killer, the page cache/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/OOM/);
  await expect(page.locator('table').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'More posts' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});

test('hydration does not refetch what the HTML already holds', async ({ page, problems }) => {
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (/\.json$/.test(new URL(request.url()).pathname)) dataRequests.push(request.url());
  });
  await page.goto(POST);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(dataRequests).toEqual([]);
  expect(problems).toEqual([]);
});

test('the feeds parse and carry the newest posts; the sitemap lists every post', async ({ page, request }) => {
  await page.goto('/');
  const manifest = await (await request.get('posts.json')).json();
  const check = async (file: string, root: string, item: string) => {
    const text = await (await request.get(file)).text();
    return page.evaluate(
      ([source, rootName, itemName]) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror')!.textContent };
        return {
          root: doc.documentElement.localName,
          items: doc.getElementsByTagName(itemName).length,
          first: doc.getElementsByTagName(itemName)[0]?.textContent ?? '',
          rootName,
        };
      },
      [text, root, item] as const,
    );
  };
  const rss = await check('rss.xml', 'rss', 'item');
  expect(rss).toMatchObject({ root: 'rss', items: manifest.posts.length });
  const atom = await check('atom.xml', 'feed', 'entry');
  expect(atom).toMatchObject({ root: 'feed', items: manifest.posts.length });
  expect(atom.first).toContain(manifest.posts[0].title);
  const json = await (await request.get('feed.json')).json();
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.items[0]).toMatchObject({ title: manifest.posts[0].title });
  expect(json.items[0].content_html).toContain('<h2');

  const sitemap = await (await request.get('sitemap.xml')).text();
  for (const post of manifest.posts) expect(sitemap).toContain(`/posts/${post.slug}/</loc>`);
  expect(await (await request.get('robots.txt')).text()).toContain('Sitemap: https://quire.example.org/sitemap.xml');
});

test('every page links the feeds from its head and its footer', async ({ page }) => {
  await page.goto('archive/');
  for (const type of ['application/rss+xml', 'application/atom+xml', 'application/feed+json']) {
    await expect(page.locator(`head link[rel=alternate][type="${type}"]`)).toHaveCount(1);
  }
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/rss.xml');
  const rss = await page.request.get((await footer.getByRole('link', { name: 'Atom' }).getAttribute('href')) ?? '');
  expect(rss.status()).toBe(200);
});

import { createHash } from 'node:crypto';
import { expect, siteUrls, test } from './fixtures';

const HOSTILE = siteUrls.hostile;

/**
 * The page's inline scripts (the theme and the app's loader, from the page template) and whether
 * the CSP the page was served with allows each by its hash: content can add none of its own.
 */
function inlineScripts(html: string, csp: string): { code: string; allowed: boolean }[] {
  const allowed = new Set((/script-src([^;]*)/.exec(csp)?.[1] ?? '').match(/'sha256-[^']+'/g) ?? []);
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes = '']) => !/\bsrc=|type="application\/(ld\+)?json"/.test(attributes))
    .map(([, , code = '']) => ({ code, allowed: allowed.has(`'sha256-${createHash('sha256').update(code).digest('base64')}'`) }));
}

/** Everything in the page that could run script or leave the site: event handlers and unsafe URLs. */
function unsafeMarkup(templateScripts: string[]) {
  const found: string[] = [];
  const unsafeUrl = /^\s*(javascript|vbscript|data:text\/html|file):/i;
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      // Browsers skip C0 controls (U+0000 to U+001F, here (?![\x7f-\x9f])\p{Cc}) in a URL's scheme.
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attribute.name) &&
        unsafeUrl.test(attribute.value.replace(/(?![\x7f-\x9f])\p{Cc}/gu, ''))
      ) {
        found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE'].includes(element.tagName)) {
      const script = element as HTMLScriptElement;
      const ours =
        element.tagName === 'SCRIPT' &&
        (script.type === 'application/json' ||
          script.type === 'application/ld+json' ||
          /\/(assets\/|theme\.js)/.test(script.src) ||
          (!script.src && templateScripts.includes(script.text)));
      if (!ours) found.push(`<${element.tagName.toLowerCase()}>`);
    }
    if (element.tagName === 'META' && element.getAttribute('http-equiv')) found.push(`meta http-equiv=${element.getAttribute('http-equiv')}`);
  }
  return found;
}

test('the hostile corpus builds, and no page of it runs script, leaves the site or breaks', async ({ page, request }) => {
  test.setTimeout(120_000);
  const manifest = await (await request.get(`${HOSTILE}posts.json`)).json();
  expect(manifest.posts.length).toBeGreaterThan(5);
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // Posts may show images from https hosts their authors chose (the corpus uses example.org);
  // anything else leaving the site, or any non-image request to another host, is a payload at work.
  page.on('request', (req) => {
    const url = req.url();
    const authorImage = req.resourceType() === 'image' && url.startsWith('https://example.org/');
    if (!url.startsWith(HOSTILE) && !url.startsWith('data:') && !authorImage) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(
    (url) => !url.href.startsWith(HOSTILE) && url.protocol !== 'data:',
    (route) => route.abort(),
  );

  const paths = ['', 'tags/', 'archive/', ...manifest.posts.map((post: { slug: string }) => `posts/${post.slug}/`)];
  for (const path of paths) {
    // Straight from the server, before any script: the pre-rendered HTML must be inert too.
    const response = await request.get(`${HOSTILE}${path}`);
    const html = await response.text();
    const scripts = inlineScripts(html, response.headers()['content-security-policy'] ?? '');
    // The page template's two, each allowed by the CSP's hash; nothing from the content.
    expect(
      scripts.map((script) => script.allowed),
      `${path}: no stray script element in the HTML`,
    ).toEqual([true, true]);
    const templateScripts = scripts.map((script) => script.code);
    await page.goto(`${HOSTILE}${path}`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    // Hover and focus everything a payload might hide a handler on.
    for (const link of (await page.locator('main a, main img').all()).slice(0, 30)) await link.hover({ timeout: 1000 }).catch(() => {});
    expect(await page.evaluate(unsafeMarkup, templateScripts), `${path}: unsafe markup in the DOM`).toEqual([]);
    expect(await page.title(), `${path}: the title stays text`).not.toBe('');
  }
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('the feeds of the hostile corpus stay well-formed and carry no live markup', async ({ page, request }) => {
  await page.goto(HOSTILE);
  for (const file of ['rss.xml', 'atom.xml']) {
    const text = await (await request.get(`${HOSTILE}${file}`)).text();
    const result = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, scripts: doc.getElementsByTagName('script').length };
    }, text);
    expect(result, file).toEqual({ error: null, scripts: 0 });
  }
  const feed = await (await request.get(`${HOSTILE}feed.json`)).json();
  const live = await page.evaluate((items: { content_html: string }[]) => {
    const found: string[] = [];
    for (const item of items) {
      const doc = new DOMParser().parseFromString(item.content_html, 'text/html');
      for (const element of doc.body.querySelectorAll('*')) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'FORM'].includes(element.tagName)) found.push(element.tagName);
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data:text\/html):/i.test(attribute.value))
            found.push(`${element.tagName} ${attribute.name}`);
        }
      }
    }
    return found;
  }, feed.items);
  expect(live).toEqual([]);
});

// A blog moved from Blogger: the export imported with `import:blogger`, built, and served by the
// project's plain static server; the old addresses must land on the new pages, in Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, hydrated, ports, test } from './fixtures';

const port = ports.hostile + 1;
const origin = `http://127.0.0.1:${port}`;
let work: string;
let server: Server;

test.use({ baseURL: `${origin}/` });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = mkdtempSync(path.join(os.tmpdir(), 'quire-moving-e2e-'));
  const content = path.join(work, 'content');
  const tsx = path.resolve('node_modules/.bin/tsx');
  execFileSync(tsx, ['scripts/import-blogger.ts', 'test/fixtures/blogger/classic.xml', '--out', path.join(content, 'posts')], { stdio: 'pipe' });
  // A post written after the move that links to an old label address, as imported posts often do.
  writeFileSync(path.join(content, 'posts/after-the-move.md'), '---\ntitle: After the move\ndate: 2024-03-01\n---\nSee [the NFS posts](/search/label/NFS).\n');
  writeFileSync(path.join(content, 'site.yaml'), 'title: Moved from Blogger\nurl: https://moved.example.org\n');
  const out = path.join(work, 'dist');
  execFileSync(tsx, ['scripts/build.ts'], { stdio: 'pipe', env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, QUIRE_QUIET: '1', BASE_PATH: '' } });
  // The project's static server is plain JavaScript, without types: imported by URL, so the
  // import is untyped and given its shape here.
  const serve = (await import(pathToFileURL(path.resolve('scripts/serve.mjs')).href)) as {
    serveStatic: (options: { root: string; base: string; port: number }) => Promise<Server>;
  };
  server = await serve.serveStatic({ root: out, base: '/', port });
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

test('an old Blogger post address lands on the new post', async ({ page, problems }) => {
  await page.goto('/2021/05/covid-in-india.html');
  await expect(page).toHaveURL(`${origin}/posts/covid-in-india/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Covid in India: a simple growth model');
  expect(problems).toEqual([]);
});

test('the old address works without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: `${origin}/` });
  const page = await context.newPage();
  await page.goto('/2019/08/ipsec-between-two-offices.html');
  await expect(page).toHaveURL(`${origin}/posts/ipsec-between-two-offices/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IPSec between two offices');
  await context.close();
});

const LABELS: [label: string, tag: string, name: string][] = [
  ['KVM', 'kvm', 'KVM'],
  ['%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80', encodeURI('हिंदी'), 'हिंदी'],
];
for (const [label, tag, name] of LABELS) {
  test(`Blogger's label address /search/label/${decodeURI(label)} loads the tag page`, async ({ page, problems }) => {
    await page.goto(`/search/label/${label}`);
    await expect(page).toHaveURL(`${origin}/tags/${tag}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    expect(problems).toEqual([]);
  });
}

test('a link to a label address inside the app goes to the tag page without a reload', async ({ page, problems }) => {
  await page.goto('/posts/after-the-move/');
  await hydrated(page);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole('link', { name: 'the NFS posts' }).click();
  await expect(page).toHaveURL(`${origin}/tags/nfs/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('NFS');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(problems).toEqual([]);
});

test('the redirect pages stay out of the sitemap', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('https://moved.example.org/posts/covid-in-india/');
  expect(sitemap).not.toMatch(/\.html<|search\/label/);
});

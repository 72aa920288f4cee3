import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Logger, type ViteDevServer, createLogger, createServer } from 'vite';
import { expect, test } from './fixtures';

let server: ViteDevServer;
let content: string;
const post = () => path.join(content, 'posts/oom-killer.md');
/** What the dev server printed to the author's terminal. */
const printed: string[] = [];

/** Vite's logger, silent here, keeping what it would have printed. */
function recordingLogger(): Logger {
  const logger = createLogger('silent');
  const keep = (message: string) => void printed.push(message);
  return { ...logger, info: keep, warn: keep, warnOnce: keep, error: keep };
}

test.beforeAll(async () => {
  content = mkdtempSync(path.join(os.tmpdir(), 'quire-dev-'));
  cpSync(path.resolve('test/fixtures/blog'), content, { recursive: true });
  process.env.CONTENT_DIR = content;
  server = await createServer({ server: { port: 4310, strictPort: true, host: '127.0.0.1' }, customLogger: recordingLogger() });
  await server.listen();
  delete process.env.CONTENT_DIR;
});

test.afterAll(async () => {
  await server?.close();
  rmSync(content, { recursive: true, force: true });
});

test('the dev server shows drafts, updates an open post on save and shows a broken post in the overlay', async ({ page }) => {
  await page.goto('http://127.0.0.1:4310/');
  await expect(page.getByRole('heading', { name: /Huge pages, unfinished/ })).toContainText('Draft');

  await page.goto('http://127.0.0.1:4310/posts/oom-killer/');
  await expect(page.getByText('When the OOM killer fires, dmesg says why.')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

  writeFileSync(post(), readFileSync(post(), 'utf8').replace('dmesg says why.', 'dmesg says exactly why.'));
  await expect(page.getByText('When the OOM killer fires, dmesg says exactly why.')).toBeVisible();
  // Same page, no reload: the marker set before the edit is still there.
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

  writeFileSync(post(), readFileSync(post(), 'utf8').replace('date: 2024-03-10', 'date: yesterday'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached();
  await expect(overlay.locator('.message')).toContainText('posts/oom-killer.md:3:7: date: expected a date like 2021-05-01, got "yesterday"');
});

test('a broken post: its problems in the terminal, the other pages working, the overlay gone once fixed', async ({ page }) => {
  // The first test leaves the post broken: start from the fixture as written.
  const good = readFileSync(path.resolve('test/fixtures/blog/posts/oom-killer.md'), 'utf8');
  writeFileSync(post(), good);
  await page.goto('http://127.0.0.1:4310/posts/nfs-stalls/');
  await expect(page.getByRole('heading', { level: 1, name: 'NFS write-back stalls' })).toBeVisible();

  writeFileSync(post(), good.replace(/^date: .*$/m, 'date: yesterday'));
  await expect(page.locator('vite-error-overlay')).toBeAttached();
  await expect.poll(() => printed.join('\n')).toMatch(/posts\/oom-killer\.md:3:7: date: expected a date like 2021-05-01, got "yesterday"/);

  // Every other page still answers: only the broken post shows its problem.
  await page.goto('http://127.0.0.1:4310/tags/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
  await page.goto('http://127.0.0.1:4310/posts/nfs-stalls/');
  await expect(page.getByRole('heading', { level: 1, name: 'NFS write-back stalls' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('http://127.0.0.1:4310/posts/oom-killer/');
  await expect(page.getByRole('alert')).toContainText('oom-killer.md:3:7');

  writeFileSync(post(), good.replace('dmesg says', 'dmesg plainly says'));
  // Fixed: the overlay goes by itself and the open page shows the post, no Escape, no reload.
  await expect(page.locator('vite-error-overlay')).toHaveCount(0);
  await expect(page.getByText('dmesg plainly says')).toBeVisible();
});

test('files the production build stages in the project do not reload open pages', async ({ page }) => {
  await page.goto('http://127.0.0.1:4310/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  printed.length = 0;
  const staging = path.resolve('.dist-e2e-staging');
  mkdirSync(path.join(staging, 'posts/x'), { recursive: true });
  try {
    for (let index = 0; index < 5; index += 1) writeFileSync(path.join(staging, `posts/x/page-${index}.html`), '<!doctype html><p>built</p>');
    await page.waitForTimeout(1500);
    expect(printed.filter((line) => line.includes('page reload'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ViteDevServer, createServer } from 'vite';
import { expect, test } from './fixtures';

let server: ViteDevServer;
let content: string;
const post = () => path.join(content, 'posts/oom-killer.md');

test.beforeAll(async () => {
  content = mkdtempSync(path.join(os.tmpdir(), 'quire-dev-'));
  cpSync(path.resolve('test/fixtures/blog'), content, { recursive: true });
  process.env.CONTENT_DIR = content;
  server = await createServer({ server: { port: 4310, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
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

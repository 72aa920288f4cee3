// What an author waits for in `npm run dev`: the start (Vite's own "ready in", with the content
// read and every post's markdown processed or found in the cache), and a saved post on screen.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { cacheDir } from './build.ts';

export interface DevServerFigures {
  /** Vite's "ready in", cache removed first. */
  coldStartMs: number;
  /** Vite's "ready in" with the cache a previous start left. */
  warmStartMs: number;
  /** From appending a sentence to a post's file to the sentence on the open page. */
  saveToScreenMs: number;
}

const PORT = 5391;
const START_TIMEOUT = 300_000;

function startVite(repo: string, contentDir: string): Promise<{ child: ChildProcess; readyMs: number }> {
  const child = spawn(path.join(repo, 'node_modules/.bin/vite'), ['--port', String(PORT), '--strictPort', '--bypass-lock'], {
    cwd: repo,
    env: { ...process.env, CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`bench: the dev server did not start in ${START_TIMEOUT / 1000} s:\n${output}`)), START_TIMEOUT);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in (\d+) ms/.exec(stripVTControlCharacters(output));
      if (ready) {
        clearTimeout(timer);
        resolve({ child, readyMs: Number(ready[1]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench: the dev server exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) => {
  child.removeAllListeners('exit');
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
};

export async function measureDevServer(repo: string, contentDir: string, browser: Browser): Promise<DevServerFigures> {
  rmSync(cacheDir(repo), { recursive: true, force: true });
  const cold = await startVite(repo, contentDir);
  stop(cold.child);
  const warm = await startVite(repo, contentDir);
  try {
    const post = readdirSync(path.join(contentDir, 'posts'))
      .filter((name) => name.endsWith('.md'))
      .sort()[1]!;
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}/posts/${post.replace(/\.md$/, '')}/`);
    await page.locator('h1').first().waitFor({ timeout: 120_000 });
    const sentence = `Saved by the benchmark at ${Date.now()}.`;
    const saved = performance.now();
    appendFileSync(path.join(contentDir, 'posts', post), `\n\n${sentence}\n`);
    await page.getByText(sentence).waitFor({ timeout: 60_000 });
    const saveToScreenMs = performance.now() - saved;
    await page.close();
    return { coldStartMs: cold.readyMs, warmStartMs: warm.readyMs, saveToScreenMs };
  } finally {
    stop(warm.child);
  }
}

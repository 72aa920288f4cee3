// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when every
// step succeeded, so a failed build never leaves a half-written dist/ behind.
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

const root = process.cwd();
const dist = path.join(root, 'dist');
const staging = await mkdtemp(path.join(root, '.dist-'));

try {
  await build({ root, logLevel: process.env.CI ? 'warn' : 'info', build: { outDir: staging, emptyOutDir: true } });
  const previous = existsSync(dist) ? `${dist}.old-${process.pid}` : undefined;
  if (previous) await rename(dist, previous);
  await rename(staging, dist);
  if (previous) await rm(previous, { recursive: true, force: true });
  console.log(`Built the site into ${path.relative(root, dist) || '.'}/`);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  // Vite already printed the build error; content errors list every problem with file:line:column.
  console.error(`\nBuild failed; ${path.relative(root, dist)}/ was left as it was.`);
  if (error && !String(error.message ?? '').includes('[quire]')) console.error(error.message ?? error);
  process.exit(1);
}

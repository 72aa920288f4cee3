// Builds the site variants the end-to-end tests need and serves each on its own port with the
// project's plain static server. Run by Playwright's webServer before the tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveStatic } from '../../scripts/serve.mjs';

// The same ports as playwright.config.ts: three in a row from QUIRE_E2E_PORT.
const basePort = Number(process.env.QUIRE_E2E_PORT ?? 4301);
const variants = [
  { name: 'root', port: basePort, base: '/', env: { CONTENT_DIR: 'content' } },
  { name: 'blog', port: basePort + 1, base: '/blog/', env: { CONTENT_DIR: 'content', BASE_PATH: '/blog/' } },
  { name: 'hostile', port: basePort + 2, base: '/', env: { CONTENT_DIR: 'test/fixtures/hostile' } },
];

for (const variant of variants) {
  const out = `.e2e/${variant.name}`;
  if (variant.name === 'hostile' && !existsSync('test/fixtures/hostile/posts')) continue;
  execFileSync('node_modules/.bin/tsx', ['scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ...variant.env, OUT_DIR: out, QUIRE_QUIET: '1' },
  });
  await serveStatic({ root: out, base: variant.base, port: variant.port });
  console.log(`${variant.name}: http://127.0.0.1:${variant.port}${variant.base}`);
}
// Playwright waits for the last port; make sure it answers even without the hostile corpus.
if (!existsSync('test/fixtures/hostile/posts')) await serveStatic({ root: '.e2e/root', base: '/', port: basePort + 2 });

import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.ts';

/**
 * Three consecutive ports from QUIRE_E2E_PORT (default 4301), so two checkouts can run their
 * end-to-end tests on one machine at the same time. serve-builds.mjs reads the same variable.
 */
const basePort = Number(process.env.QUIRE_E2E_PORT ?? 4301);
export const ports = { root: basePort, blog: basePort + 1, hostile: basePort + 2 } as const;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    baseURL: `http://127.0.0.1:${ports.root}/`,
  },
  webServer: {
    // Builds the sample blog at /, the same at /blog/ and the hostile corpus, then serves each
    // as a plain static host would.
    command: 'node test/e2e/serve-builds.mjs',
    url: `http://127.0.0.1:${ports.hostile}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});

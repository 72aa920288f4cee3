import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { normaliseBasePath } from './src/app/base-path.ts';
import { quire } from './src/build/plugin.ts';

export default defineConfig({
  base: normaliseBasePath(process.env.BASE_PATH),
  plugins: [react(), quire()],
  // Every browser that runs es2022 supports modulepreload: the polyfill is dead weight on each page.
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  // A production build writes into staging folders beside dist/; a running dev server must not
  // take them for source changes and reload the page for each file.
  server: { watch: { ignored: ['**/.dist-*/**', '**/.server-*/**', '**/dist/**'] } },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // The feature stylesheets' URLs (src/markdown/feature-styles.ts) are what tests check of them.
    css: { include: [/src\/styles\/(?:writing|raw-html)\.css/] },
    // Route modules load lazily and are transformed on first use; on two busy cores that takes seconds.
    testTimeout: 30_000,
  },
});

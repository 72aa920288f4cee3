import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { quire } from './src/build/plugin.ts';

/** `BASE_PATH=/blog/` builds a site served under that path; it always starts and ends with a slash. */
function basePath(value = '/'): string {
  const trimmed = value.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [react(), quire()],
  build: { target: 'es2022' },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // Route modules load lazily and are transformed on first use; on two busy cores that takes seconds.
    testTimeout: 30_000,
  },
});

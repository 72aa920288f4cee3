import { test as base, expect } from '@playwright/test';
import { ports } from '../../playwright.config';

/** Console errors and page errors seen while a test ran; hydration warnings count as errors. */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      // A not-found page is served with status 404, which Chromium reports as a console error.
      if (message.type() === 'error' && /status of 404/.test(text) && /no-such/.test(message.location().url + text)) return;
      // The failing resource's address is in the location, not the text: name it.
      const where = /Failed to load resource/.test(text) ? ` (${message.location().url})` : '';
      if (message.type() === 'error' || /hydrat/i.test(text)) problems.push(`${message.type()}: ${text}${where}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await use(problems);
  },
});

export { expect, ports };

/** The built site variants, on the ports playwright.config.ts chose from QUIRE_E2E_PORT. */
export const siteUrls = {
  root: `http://127.0.0.1:${ports.root}/`,
  blog: `http://127.0.0.1:${ports.blog}/blog/`,
  hostile: `http://127.0.0.1:${ports.hostile}/`,
} as const;

/** Waits until the app has hydrated the pre-rendered page: clicks after that are the app's, not the browser's. */
export const hydrated = (page: import('@playwright/test').Page) => page.locator('html[data-ready]').waitFor({ state: 'attached' });

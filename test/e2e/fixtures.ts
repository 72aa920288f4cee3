import { test as base, expect } from '@playwright/test';

/** Console errors and page errors seen while a test ran; hydration warnings count as errors. */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      // A not-found page is served with status 404, which Chromium reports as a console error.
      if (message.type() === 'error' && /status of 404/.test(text) && /no-such/.test(message.location().url + text)) return;
      if (message.type() === 'error' || /hydrat/i.test(text)) problems.push(`${message.type()}: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await use(problems);
  },
});

export { expect };

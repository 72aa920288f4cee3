import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The site's CSP forbids inline scripts; page.evaluate runs outside it, so axe goes in that way.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of every kind the site has, in the state a reader finds it. */
const pages = [
  { name: 'home', path: '' },
  { name: 'a post with a table and a chart', path: 'posts/five-day-ratio-growth-indicator/' },
  { name: 'tags', path: 'tags/' },
  { name: 'a tag', path: 'tags/linux/' },
  { name: 'archive', path: 'archive/' },
  { name: 'about', path: 'about/' },
  { name: 'search with results', path: 'search/?q=memory', ready: (page: Page) => page.locator('.search-results li').first().waitFor() },
  { name: 'not found', path: 'no-such-page/' },
];

/** The system setting, and the reader's choice on the site's own toggle against a light system. */
const schemes = [
  { name: 'light', colorScheme: 'light', toggle: false },
  { name: 'dark', colorScheme: 'dark', toggle: false },
  { name: 'dark by the toggle', colorScheme: 'light', toggle: true },
] as const;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

for (const width of [375, 1280]) {
  for (const scheme of schemes) {
    for (const target of pages) {
      test(`${target.name} has no axe violations at ${width} px, ${scheme.name}`, async ({ page, problems }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme.colorScheme });
        await page.goto(target.path);
        await page.locator('html[data-ready]').waitFor({ state: 'attached' });
        await target.ready?.(page);
        if (scheme.toggle) {
          await page.getByRole('button', { name: 'Dark theme' }).click();
          await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        }
        // Collapsed content (the contents list, a chart's data table) is audited open, as a reader can open it.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
          return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.map((node) => ({ target: node.target.map(String), failureSummary: node.failureSummary })),
          }));
        });
        expect(violations.map((violation) => ({ ...violation, nodes: violation.nodes.slice(0, 5) }))).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }
}

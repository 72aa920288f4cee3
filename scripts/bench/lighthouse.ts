// Lighthouse with its default (mobile, simulated throttling) configuration, three runs per page
// in a new Chromium each time, reporting the median of each figure: single runs on two shared
// cores swing by several points.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.ts';
import { median } from './parse.ts';

const LIGHTHOUSE_METRICS = ['performance', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'accessibility'] as const;
export type LighthouseFigures = Record<(typeof LIGHTHOUSE_METRICS)[number], number>;
const RUN_TIMEOUT = 180_000;

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: ${what} took longer than ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runOnce(url: string, blockScripts: boolean): Promise<LighthouseFigures> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-lh-'));
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], userDataDir: profile, logLevel: 'silent' });
  try {
    const result = await withTimeout(
      lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        ...(blockScripts ? { blockedUrlPatterns: ['*.js'] } : {}),
      }),
      RUN_TIMEOUT,
      `Lighthouse on ${url}`,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`bench: Lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`bench: Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`bench: Lighthouse on ${url} has no ${id} value`);
      return value;
    };
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
    return {
      performance: score('performance'),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      accessibility: score('accessibility'),
    };
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The median of `runs` Lighthouse runs. With `blockScripts`, every script file is refused, which
 * is the page as readers without JavaScript get it: its FCP is what scripts must not delay.
 */
export async function lighthouseMedian(url: string, runs = 3, blockScripts = false): Promise<LighthouseFigures> {
  const results: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await runOnce(url, blockScripts));
  return Object.fromEntries(LIGHTHOUSE_METRICS.map((metric) => [metric, median(results.map((result) => result[metric]))])) as LighthouseFigures;
}

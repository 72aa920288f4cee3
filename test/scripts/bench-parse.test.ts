// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { change, headersFor, kindOf, median, packageOf, parseBuildLine, parseHeaderRules, parsePeakKB, parseSizes } from '../../scripts/bench/parse.ts';

describe('parseBuildLine', () => {
  it.each([
    {
      name: "today's line",
      output: 'noise\nBuilt 1448 pages into ../out/ in 16.4 s (client and data 5.1 s, server bundle 0.1 s, pre-render 11.2 s)\n',
      expected: {
        pages: 1448,
        seconds: 16.4,
        phases: [
          { name: 'client and data', seconds: 5.1 },
          { name: 'server bundle', seconds: 0.1 },
          { name: 'pre-render', seconds: 11.2 },
        ],
      },
    },
    {
      name: 'renamed phases, milliseconds and a peak',
      output: 'Built 12,345 pages into dist/ in 61.0 s (read content 800 ms, bundle 4 s, render pages 50.5 s) peak 1.5 GB',
      expected: {
        pages: 12345,
        seconds: 61,
        phases: [
          { name: 'read content', seconds: 0.8 },
          { name: 'bundle', seconds: 4 },
          { name: 'render pages', seconds: 50.5 },
        ],
        peakMB: 1536,
      },
    },
    { name: 'no phases', output: 'Built 1 page into ./ in 2 s', expected: { pages: 1, seconds: 2, phases: [] } },
    { name: 'peak without phases', output: 'Built 3 pages into out/ in 2.5 s, peak 512 MB', expected: { pages: 3, seconds: 2.5, phases: [], peakMB: 512 } },
  ])('$name', ({ output, expected }) => {
    expect(parseBuildLine(output)).toEqual(expected);
  });

  it.each(['', 'vite v8 building…', 'Build failed in 2 s'])('finds no line in %j', (output) => {
    expect(parseBuildLine(output)).toBeUndefined();
  });
});

describe('parsePeakKB', () => {
  it.each([
    ['912345\n', 912345],
    ['Command exited with non-zero status 1\n4096\n', 4096],
    ['', undefined],
    ['Command terminated by signal 9\n', undefined],
  ])('%j', (text, expected) => {
    expect(parsePeakKB(text)).toBe(expected);
  });
});

describe('kindOf', () => {
  it.each([
    ['http://h/', 'text/html; charset=utf-8', 'html'],
    ['http://h/posts/a/', '', 'html'],
    ['http://h/assets/index-abc.js', 'text/javascript; charset=utf-8', 'js'],
    ['http://h/theme.js', '', 'js'],
    ['http://h/assets/index.css', 'text/css', 'css'],
    ['http://h/posts.json', 'application/json; charset=utf-8', 'json'],
    ['http://h/data/posts/a.json?v=1', '', 'json'],
    ['http://h/favicon.svg', 'image/svg+xml', 'media'],
    ['http://h/fonts/a.woff2', 'font/woff2', 'media'],
    ['http://h/rss.xml', 'application/xml', 'other'],
  ])('%s (%s) is %s', (url, type, kind) => {
    expect(kindOf(url, type)).toBe(kind);
  });
});

describe('packageOf', () => {
  it.each([
    ['/repo/node_modules/react-dom/cjs/react-dom-client.production.js', 'react-dom'],
    ['/repo/node_modules/@tanstack/query-core/build/modern/index.js', '@tanstack/query-core'],
    ['/repo/node_modules/a/node_modules/b/index.js', 'b'],
    ['/repo/node_modules/.pnpm/x@1/node_modules/@s/y/i.js', '@s/y'],
    ['/repo/src/search/engine.ts', 'src/search'],
    ['/repo/src/entry-client.tsx', 'src/entry-client.tsx'],
    ['/repo/src/app/app.tsx?used', 'src/app'],
    ['\0vite/modulepreload-polyfill.js', '(virtual)'],
    ['/elsewhere/file.js', '/elsewhere/file.js'],
  ])('%s is %s', (id, expected) => {
    expect(packageOf(id, '/repo')).toBe(expected);
  });
});

describe('_headers rules', () => {
  const rules = parseHeaderRules(
    ['# comment', '/*', '  X-A: 1', '  Content-Security-Policy: a: b', '', '/assets/*', '  Cache-Control: immutable', '/', '  Cache-Control: no-cache'].join(
      '\n',
    ),
  );
  it.each([
    ['/', { 'x-a': '1', 'content-security-policy': 'a: b', 'cache-control': 'no-cache' }],
    ['/assets/x.js', { 'x-a': '1', 'content-security-policy': 'a: b', 'cache-control': 'immutable' }],
    ['/posts/a/', { 'x-a': '1', 'content-security-policy': 'a: b' }],
  ])('%s', (pathname, expected) => {
    expect(headersFor(rules, pathname)).toEqual(expected);
  });
});

describe('parseSizes', () => {
  it.each([
    { argv: [], env: undefined, expected: [1000, 10000] },
    { argv: [], env: '50,500', expected: [50, 500] },
    { argv: ['--sizes', '1000'], env: '50', expected: [1000] },
    { argv: ['--sizes=1_000,10 000,1000'], env: undefined, expected: [1000, 10000] },
  ])('$argv with BENCH_SIZES=$env', ({ argv, env, expected }) => {
    expect(parseSizes(argv, env)).toEqual(expected);
  });

  it.each([['--sizes', 'ten'], ['--sizes', '0'], ['--sizes=1.5']])('rejects %s %s', (...argv) => {
    expect(() => parseSizes(argv, undefined)).toThrow(/positive integers/);
  });
});

describe('median and change', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  const seconds = (value: number) => `${value.toFixed(1)} s`;
  it.each([
    [11, 10, '+1.0 s +10%'],
    [9, 10, '−1.0 s −10%'],
    [10, 10, '±0.0 s ±0%'],
    [10, undefined, ''],
    [5, 0, '+5.0 s'],
  ])('%d against %s is %j', (now, before, expected) => {
    expect(change(now, before, seconds)).toBe(expected);
  });
});

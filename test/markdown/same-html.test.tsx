/**
 * A post's first load shows the build's HTML; a client-side navigation to it renders the markdown
 * with react-markdown. Readers must not be able to tell which they got (and hydration would throw
 * the page away on a mismatch), so for every real post the two must be the same, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Content, loadContent } from '../../src/build/load-content';
import { browserHtml } from './render-paths';

const SAMPLE_CONTENT = path.resolve(__dirname, '../../content');
const GENERATOR = '/work/shared/bench/gen-corpus.mjs';
const CORPUS_SIZE = 200;

interface Rendered {
  file: string;
  markdown: string;
  assetBase: string;
  images: Record<string, { width: number; height: number }>;
  languages: string[];
  features: string[];
  html: string;
}

/** Everything the content folder publishes as an article: its posts and the about page. */
function articles(content: Content): Rendered[] {
  const about = content.about ? [{ ...content.about, file: 'about.md' }] : [];
  return [...content.posts, ...about];
}

/** The browser's HTML for an article, as the post view renders it after loading the post's grammars. */
const inBrowser = (article: Rendered) =>
  browserHtml(article.markdown, { assetBase: article.assetBase, images: article.images }, article.languages, article.features);

/** Where two strings first differ, with some context, so a failure shows what changed and not 30 kB of HTML. */
function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index += 1;
  const from = Math.max(0, index - 80);
  return `at ${index}:\n  build:   ${expected.slice(from, index + 80)}\n  browser: ${actual.slice(from, index + 80)}`;
}

describe('the sample blog', () => {
  // Import.meta.env.BASE_URL is `/` under vitest, so the build must use the same base path.
  const content = loadContent(SAMPLE_CONTENT, { drafts: true, base: '/' });
  const all = articles(content);

  it('has posts and an about page to compare', () => {
    expect(content.posts.length).toBeGreaterThanOrEqual(10);
    expect(content.about).toBeDefined();
  });

  it.each(all.map((article) => [article.file, article] as const))('%s: the browser renders the HTML the build wrote', async (_file, article) => {
    const browser = await inBrowser(article);
    expect(browser === article.html, firstDifference(article.html, browser)).toBe(true);
  });
});

describe(`a generated corpus of ${CORPUS_SIZE} posts`, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quire-same-html-'));
    execFileSync(process.execPath, [GENERATOR, dir, String(CORPUS_SIZE), '--seed', '1'], { stdio: 'pipe' });
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders every post to the same HTML in the browser as in the build', { timeout: 180_000 }, async () => {
    const posts = articles(loadContent(dir, { drafts: true, base: '/' }));
    expect(posts).toHaveLength(CORPUS_SIZE);
    const differing: string[] = [];
    for (const post of posts) {
      const browser = await inBrowser(post);
      if (browser !== post.html) differing.push(`${post.file} ${firstDifference(post.html, browser)}`);
    }
    expect(differing).toEqual([]);
  });
});

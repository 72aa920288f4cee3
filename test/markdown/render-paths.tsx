/**
 * The two ways a post's markdown becomes markup, for tests that must hold for both: the build's
 * (the pipeline as one processor, rendered by `renderHtml`, as `processMarkdown` does) and the
 * browser's (react-markdown in `MarkdownContent`, after a client-side navigation).
 */
import type { Root as HastRoot } from 'hast';
import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { hastFacts } from '../../src/build/analyse-markdown';
import { buildHighlighter, grammarsFor } from '../../src/build/languages';
import { renderHtml } from '../../src/build/render-html';
import { ChartBlock } from '../../src/components/chart/chart-block';
import { DirectChart } from '../../src/components/chart/lazy-chart';
import { pageComponents } from '../../src/markdown/components';
import { mathPlugins } from '../../src/markdown/math';
import { createProcessor } from '../../src/markdown/pipeline';
import { articleFeatures } from '../../src/build/process-markdown';
import type { VFile } from 'vfile';
import { MarkdownContent, loadFeatures, loadLanguages } from '../../src/markdown/render-markdown';
import type { ImageSize } from '../../src/markdown/resolve-urls';

export const ASSET_BASE = 'media/posts/x/';

export interface RenderOptions {
  assetBase?: string;
  images?: Record<string, ImageSize>;
}

/** The tree the build renders and the file the plugins ran on, without its checks of local files (tests link to files that are not there). */
function buildRun(markdown: string, { assetBase = ASSET_BASE, images = {} }: RenderOptions): { tree: HastRoot; file: VFile | undefined } {
  const processor = createProcessor({ base: '/', assetBase, images, highlighter: buildHighlighter, math: mathPlugins });
  let file: VFile | undefined;
  processor.use(() => (_tree, ran: VFile) => void (file = ran));
  const tree = processor.runSync(processor.parse(markdown), markdown);
  return { tree, file };
}

const buildTree = (markdown: string, options: RenderOptions): HastRoot => buildRun(markdown, options).tree;

/** The page HTML the build writes for this markdown. */
export function buildHtml(markdown: string, options: RenderOptions = {}): string {
  return renderHtml(buildTree(markdown, options), pageComponents);
}

/** The grammar modules a browser loads for this markdown, as the build lists them in the post's data. */
export function languagesOf(markdown: string): string[] {
  return grammarsFor(hastFacts(buildTree(markdown, {})).fences);
}

/** The features the build lists in the post's data for this markdown (`math`, `mermaid`…). */
export function featuresOf(markdown: string): string[] {
  const { tree, file } = buildRun(markdown, {});
  return articleFeatures(hastFacts(tree), file);
}

/** The browser renderer's element for this markdown, charts drawn directly as the build draws them. */
export function BrowserMarkdown({ markdown, assetBase = ASSET_BASE, images, features }: RenderOptions & { markdown: string; features?: string[] }) {
  return (
    <MemoryRouter>
      <DirectChart.Provider value={ChartBlock}>
        <MarkdownContent assetBase={assetBase} images={images} features={features}>
          {markdown}
        </MarkdownContent>
      </DirectChart.Provider>
    </MemoryRouter>
  );
}

/** The HTML the browser renderer makes, once the post's grammars and features are loaded as the post loader does. */
export async function browserHtml(
  markdown: string,
  options: RenderOptions = {},
  languages = languagesOf(markdown),
  features = featuresOf(markdown),
): Promise<string> {
  await Promise.all([loadLanguages(languages), loadFeatures(features)]);
  return renderToStaticMarkup(<BrowserMarkdown markdown={markdown} features={features} {...options} />);
}

/** HTML as a detached DOM tree, to query what a reader's browser would make of it. */
export function parseHtml(html: string): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

/** Markup of both paths, each named for failures. */
export type RenderedPaths = [path: 'build' | 'browser', container: HTMLElement][];

/**
 * The markdown both ways, in the document: the build's HTML as a pre-rendered page shows it, and
 * react-markdown's rendering after a client-side navigation. `removeRenderedPaths` (after each
 * test) takes the build's copy out again; the test library unmounts the browser's.
 */
export function renderBothPaths(markdown: string): RenderedPaths {
  const build = parseHtml(buildHtml(markdown));
  document.body.append(build);
  const { container } = render(<BrowserMarkdown markdown={markdown} />);
  return [
    ['build', build],
    ['browser', container],
  ];
}

export function removeRenderedPaths(): void {
  for (const element of document.body.querySelectorAll(':scope > div')) element.remove();
}

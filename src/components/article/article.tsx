import { lazy, Suspense, useContext, useRef } from 'react';
import { loadedRenderer, loadRenderer } from '../../markdown/renderer';
import type { ImageSize } from '../../markdown/resolve-urls';
import { useArticleBehaviour } from './article-behaviour';
import { ArticleHtml } from './article-html';

export interface ArticleProps {
  /** Where its pre-rendered HTML is stored (`articleKey`). */
  articleKey: string;
  markdown: string;
  assetBase: string;
  images: Record<string, ImageSize>;
  /** The lazily loaded features it uses (`math`, `mermaid`, `chart`), as its data lists them. */
  features?: string[];
}

/** For a view rendered before its loader could prepare the renderer. */
const LazyMarkdown = lazy(() => loadRenderer().then((module) => ({ default: module.MarkdownContent })));

/**
 * A post's or the about page's body. On a pre-rendered page it is the build's HTML, which React
 * keeps as it is (hydrating it would mean loading and running the markdown renderer for nothing);
 * after a client-side navigation it is rendered from the markdown, to the same markup. Either
 * way the copy buttons and internal links work through the container.
 */
export function Article({ articleKey, markdown, assetBase, images, features = [] }: ArticleProps) {
  const ref = useRef<HTMLDivElement>(null);
  useArticleBehaviour(ref);
  const html = useContext(ArticleHtml).get(articleKey);
  if (html !== undefined) return <div ref={ref} className="prose" data-article={articleKey} dangerouslySetInnerHTML={{ __html: html }} />;
  const Renderer = loadedRenderer()?.MarkdownContent ?? LazyMarkdown;
  return (
    <div ref={ref} className="prose" data-article={articleKey}>
      <Suspense fallback={null}>
        <Renderer assetBase={assetBase} images={images} features={features}>
          {markdown}
        </Renderer>
      </Suspense>
    </div>
  );
}

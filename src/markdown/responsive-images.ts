import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { ARTICLE_SIZES, type ImageInfo, srcsetOf } from './image-info.ts';

export interface ResponsiveOptions {
  /** The site's base path, `/` or `/blog/`. */
  base: string;
  /** What the build knows of each image, keyed by the URL as written. */
  images: Record<string, ImageInfo>;
}

const MIME = { avif: 'image/avif', webp: 'image/webp' } as const;

/**
 * Rehype plugin, run before URLs are resolved: an image with resized copies becomes a `<picture>`
 * offering them, a downloaded remote image points at its copy on the site, and one that could not
 * be downloaded becomes a link to it (a reader's browser must not fetch it just by opening the
 * post). The first image in document order is loaded at once and first (it is often the largest
 * paint); the rest load lazily. Both the build and the browser run it on the same data.
 */
export function rehypeResponsiveImages({ base, images }: ResponsiveOptions) {
  return (tree: Root) => {
    let first = true;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return undefined;
      const written = String(node.properties.src ?? '');
      const info = Object.hasOwn(images, written) ? images[written] : undefined;
      if (info?.link) {
        const alt = String(node.properties.alt ?? '') || toText(node) || written;
        const link: Element = {
          type: 'element',
          tagName: 'a',
          properties: { href: written, className: ['image-link'] },
          children: [{ type: 'text', value: `Image: ${alt}` }],
        };
        parent.children[index] = link;
        return SKIP;
      }
      const eager = first;
      if (first) {
        Object.assign(node.properties, { loading: 'eager', fetchPriority: 'high' });
        first = false;
      }
      if (info?.src !== undefined) node.properties.src = `/${info.src}`; // a site path: resolving URLs puts it under the base path
      if (info) Object.assign(node.properties, { width: info.width, height: info.height });
      const variants = info?.variants && info.variants.widths.length > 0 ? info.variants : undefined;
      // The eager image goes in a <picture> even without copies: React's server renderer would
      // otherwise write a <link rel=preload> for it into the article, which is no place for one.
      if (!variants && !eager) return undefined;
      const sources: ElementContent[] = (variants?.formats ?? []).map((format) => ({
        type: 'element',
        tagName: 'source',
        properties: { type: MIME[format], srcSet: srcsetOf(base, variants!, format), sizes: ARTICLE_SIZES },
        children: [],
      }));
      parent.children[index] = { type: 'element', tagName: 'picture', properties: {}, children: [...sources, node] };
      return SKIP;
    });
  };
}

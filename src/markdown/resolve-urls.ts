import type { Element, Root } from 'hast';
import { defaultUrlTransform } from 'react-markdown';
import { visit } from 'unist-util-visit';

export interface ImageSize {
  width: number;
  height: number;
}

export interface UrlOptions {
  /** The site's base path, `/` or `/blog/`. */
  base: string;
  /** Folder under the site root that relative URLs resolve against, e.g. `media/posts/x/`. */
  assetBase: string;
  /** Intrinsic sizes of local images, keyed by the URL as written. */
  images: Record<string, ImageSize>;
}

/** True for a URL with a scheme (`https:`, `mailto:`) or a protocol-relative one (`//host`). */
export const isExternalUrl = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/** True for URLs that name a file beside the post rather than another site, page or anchor. */
export function isRelativeUrl(url: string): boolean {
  return url !== '' && !isExternalUrl(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');
}

/**
 * Where a URL as written points on the built site: unsafe schemes blanked (react-markdown's
 * filter), site paths (`/posts/x/`) under the base path, relative paths under the post's folder.
 */
function resolveUrl(url: string, { base, assetBase }: Pick<UrlOptions, 'base' | 'assetBase'>): string {
  const safe = defaultUrlTransform(url);
  if (safe === '' || isExternalUrl(safe) || safe.startsWith('#') || safe.startsWith('?')) return safe;
  if (safe.startsWith('/')) return `${base}${safe.slice(1)}`;
  return `${base}${assetBase}${safe.replace(/^\.\//, '')}`;
}

function resolveLink(node: Element, options: UrlOptions) {
  const href = resolveUrl(String(node.properties.href ?? ''), options);
  // An unsafe link keeps its words but no href: an empty one would reload the page.
  if (href === '') {
    delete node.properties.href;
    node.properties.dataBlocked = '';
  } else {
    node.properties.href = href;
  }
}

function resolveImage(node: Element, options: UrlOptions) {
  const written = String(node.properties.src ?? '');
  const src = resolveUrl(written, options);
  // No src at all for a blocked URL, or the browser would fetch the page itself again; nor for an
  // `http:` image the build did not download, which the CSP would block.
  if (src === '' || /^http:/i.test(src)) delete node.properties.src;
  else node.properties.src = src;
  const size = Object.hasOwn(options.images, written) ? options.images[written] : undefined;
  // Sizes the author wrote on an <img> win: they may show the image smaller than it is.
  const authorSized = node.properties.width !== undefined || node.properties.height !== undefined;
  if (size && !authorSized) Object.assign(node.properties, { width: size.width, height: size.height });
  // An image an earlier plugin chose to load at once keeps that.
  Object.assign(node.properties, { loading: node.properties.loading ?? 'lazy', decoding: 'async' });
}

/** Elements of raw HTML that play a file, which must be one beside the post. */
const MEDIA_ELEMENTS: ReadonlySet<string> = new Set(['video', 'audio', 'source']);

function resolveMedia(node: Element, options: UrlOptions) {
  if (node.properties.src === undefined) return;
  const src = resolveUrl(String(node.properties.src), options);
  // Video and audio from other hosts are not allowed (the CSP's media-src is the site's own).
  if (src === '' || isExternalUrl(src)) delete node.properties.src;
  else node.properties.src = src;
}

/** Rehype plugin: every link and image URL made safe and final, images sized so nothing shifts. */
export function rehypeResolveUrls(options: UrlOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.href !== undefined) resolveLink(node, options);
      // The sanitiser removed an unsafe href; a link with neither href nor a name keeps its words only.
      else if (node.tagName === 'a' && node.properties.id === undefined && node.properties.name === undefined) node.properties.dataBlocked = '';
      else if (node.tagName === 'img') resolveImage(node, options);
      else if (MEDIA_ELEMENTS.has(node.tagName)) resolveMedia(node, options);
      if (node.tagName === 'video' || node.tagName === 'audio') node.properties.preload ??= 'metadata';
    });
  };
}

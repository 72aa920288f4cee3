/**
 * The one markdown pipeline: the remark and rehype plugins every consumer runs. The build runs
 * them once per post (`createProcessor`) and writes the page and feed HTML from the tree; the
 * browser hands the same lists to react-markdown for client-side navigation. The two agree
 * because the plugins are the same and the tree is rendered with the same components.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, type Processor, unified } from 'unified';
import { rehypeHeadingIds } from './heading-ids.ts';
import { rehypeHighlight } from './highlight.ts';
import type { Highlighter } from './highlighter.ts';
import type { ImageInfo } from './image-info.ts';
import { remarkMoreMarker } from './more-marker.ts';
import { rehypeRawAsText } from './raw-as-text.ts';
import { rehypeResponsiveImages } from './responsive-images.ts';
import { type UrlOptions, rehypeResolveUrls } from './resolve-urls.ts';
import { rehypeTaskLabels } from './task-labels.ts';

/**
 * Bumped whenever a change to the plugins or components changes the HTML a post produces:
 * the build cache keys on it, so cached pages are written anew.
 */
export const PIPELINE_VERSION = 1;

export interface PipelineOptions extends UrlOptions {
  highlighter: Highlighter;
  /** What the build knows of each image (sizes, resized copies), keyed by the URL as written. */
  images: Record<string, ImageInfo>;
}

export const remarkPlugins: PluggableList = [remarkGfm, remarkMoreMarker];

/** react-markdown's own remark-rehype options, so both paths build the same hast. */
export const remarkRehypeOptions = { allowDangerousHtml: true } as const;

export function rehypePlugins({ highlighter, ...urls }: PipelineOptions): PluggableList {
  return [rehypeRawAsText, rehypeHeadingIds, rehypeTaskLabels, [rehypeHighlight, { highlighter }], [rehypeResponsiveImages, { base: urls.base, images: urls.images }], [rehypeResolveUrls, urls]];
}

/** The pipeline as one unified processor: markdown in, the hast the page is rendered from out. */
export function createProcessor(options: PipelineOptions): Processor<MdastRoot, MdastRoot, HastRoot> {
  return unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype, remarkRehypeOptions)
    .use(rehypePlugins(options)) as unknown as Processor<MdastRoot, MdastRoot, HastRoot>;
}

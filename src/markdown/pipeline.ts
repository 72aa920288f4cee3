/**
 * The one markdown pipeline: the remark and rehype plugins every consumer runs. The build runs
 * them once per post (`createProcessor`) and writes the page and feed HTML from the tree; the
 * browser hands the same lists to react-markdown for client-side navigation. The two agree
 * because the plugins are the same and the tree is rendered with the same components.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { type PluggableList, type Processor, unified } from 'unified';
import { remarkCallouts } from './callouts.ts';
import { rehypeCodeMeta, remarkFenceMeta } from './code-meta.ts';
import { rehypeEmbeds } from './embeds.ts';
import { rehypeFootnoteLinks } from './footnote-links.ts';
import { rehypeHeadingIds } from './heading-ids.ts';
import { rehypeHighlight } from './highlight.ts';
import type { Highlighter } from './highlighter.ts';
import type { ImageInfo } from './image-info.ts';
import { remarkMoreMarker } from './more-marker.ts';
import { rehypeIframes } from './iframes.ts';
import { rehypeResponsiveImages } from './responsive-images.ts';
import { type UrlOptions, rehypeResolveUrls } from './resolve-urls.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { remarkStrayDirectives } from './stray-directives.ts';
import { rehypeTaskLabels } from './task-labels.ts';

/** Plugins loaded apart from the rest (math): the build always runs them, the browser only for posts that need them. */
export interface PipelineExtension {
  remark: PluggableList;
  rehype: PluggableList;
}

export interface PipelineOptions extends UrlOptions {
  highlighter: Highlighter;
  /** What the build knows of each image (sizes, resized copies), keyed by the URL as written. */
  images: Record<string, ImageInfo>;
  /** The math plugins (`mathPlugins` from math.ts), when loaded. */
  math?: PipelineExtension;
}

const remarkPlugins: PluggableList = [remarkGfm, remarkDirective, remarkMoreMarker, remarkCallouts, remarkStrayDirectives, remarkFenceMeta];

/** The remark plugins with the math ones, when they are loaded. */
export const remarkPluginsWith = (math?: PipelineExtension): PluggableList => (math ? [...remarkPlugins, ...math.remark] : remarkPlugins);

/**
 * react-markdown's own remark-rehype options, so both paths build the same hast. Footnote ids
 * get no prefix here because the sanitiser gives every id one (see footnote-links.ts).
 */
export const remarkRehypeOptions = { allowDangerousHtml: true, clobberPrefix: '' } as const;

export function rehypePlugins({ highlighter, math, ...urls }: PipelineOptions): PluggableList {
  // Raw HTML is parsed, video iframes kept as links before the sanitiser drops all iframes, then
  // everything is sanitised; what comes after adds only markup of ours (math, ids, embeds,
  // highlighting). Math comes before the highlighter: its `$$` blocks are `pre` elements the
  // highlighter must not take for code.
  return [
    rehypeRaw,
    rehypeIframes,
    [rehypeSanitize, sanitizeSchema],
    ...(math?.rehype ?? []),
    rehypeFootnoteLinks,
    rehypeEmbeds,
    rehypeHeadingIds,
    rehypeTaskLabels,
    [rehypeHighlight, { highlighter }],
    rehypeCodeMeta,
    [rehypeResponsiveImages, { base: urls.base, images: urls.images }],
    [rehypeResolveUrls, urls],
  ];
}

/** The pipeline as one unified processor: markdown in, the hast the page is rendered from out. */
export function createProcessor(options: PipelineOptions): Processor<MdastRoot, MdastRoot, HastRoot> {
  return unified().use(remarkParse).use(remarkPluginsWith(options.math)).use(remarkRehype, remarkRehypeOptions).use(rehypePlugins(options));
}

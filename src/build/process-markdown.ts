import { statSync } from 'node:fs';
import path from 'node:path';
import type { Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import type { Heading } from '../content/schema.ts';
import { FenceMetaError, parseFenceMeta } from '../markdown/code-meta.ts';
import { pageComponents } from '../markdown/components.tsx';
import { feedComponents } from '../markdown/feed-components.tsx';
import { mathPlugins } from '../markdown/math.ts';
import { DOLLAR_TEXT_FLAG } from '../markdown/math-dollars.ts';
import { createProcessor } from '../markdown/pipeline.ts';
import type { ImageInfo } from '../markdown/image-info.ts';
import { type MarkdownLimits, checkMarkdownLimits, hastFacts, mdastFacts } from './analyse-markdown.ts';
import { type VariantJob, describeImage } from './images/describe-image.ts';
import { type RemoteReference, remoteImageReferences } from './images/remote-references.ts';
import type { RemoteImage } from './images/remote-images.ts';
import { buildHighlighter, grammarsFor } from './languages.ts';
import { resolveLocal } from './local-files.ts';
import type { ContentProblem } from './problems.ts';
import { rawHtmlReferences } from './raw-html-references.ts';
import { renderHtml } from './render-html.ts';

/** One markdown body to run through the pipeline: plain data, so it can cross to a worker thread. */
export interface MarkdownJob {
  /** Absolute path of the markdown file. */
  path: string;
  /** How the file is named in messages. */
  file: string;
  /** Absolute path of the content folder; nothing outside it may be referenced. */
  contentDir: string;
  body: string;
  /** Line of the file the body starts on, so positions in the body can name lines of the file. */
  bodyLine: number;
  /** The site's base path, `/` or `/blog/`. */
  base: string;
  /** Folder under the site root that the body's relative URLs resolve against. */
  assetBase: string;
  /** The site's origin when this post is in the feeds: its feed HTML is written too. */
  feedOrigin?: string;
  limits: MarkdownLimits;
  /** The site's `remoteImages`: `download` copies images on other hosts into the site. */
  remoteImages?: 'download' | 'allow';
  /** The downloads of this post's remote images, once made (see `remote` in the output). */
  remote?: Record<string, RemoteImage>;
}

/** A file the result depends on, with what it was when the result was made; size -1 for a file that was missing. */
interface Dependency {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A link or image to the site's own pages or files, checked once the build knows them all. */
export interface SiteLink {
  url: string;
  line: number;
  column: number;
}

/** Everything the build derives from one post's markdown, from one parse. */
export interface MarkdownOutput {
  excerpt: string;
  readingTime: number;
  headings: Heading[];
  images: Record<string, ImageInfo>;
  /** The resized copies the images need: made once per image by the build, not here. */
  variants: VariantJob[];
  /** Images on other hosts, with their places: downloaded by the build when the site says so. */
  remote: RemoteReference[];
  /** highlight.js grammars a browser loads to render the post as the build did. */
  languages: string[];
  /** Lazily loaded features the post uses: `chart`, `math`, `mermaid`. */
  features: string[];
  /** The article as the page shows it. */
  html: string;
  /** The article for feed readers, when asked for: no buttons or anchors, absolute URLs. */
  feedHtml?: string;
  /** Files beside the post that the result depends on: a change to one makes a cached result stale. */
  dependencies: Dependency[];
  /** Problems that leave the post published: links to files that do not exist, iframes left out. */
  warnings: ContentProblem[];
  /** Links to the site's own paths, with their places in the file, for the dead-link check. */
  siteLinks?: SiteLink[];
}

export type MarkdownResult = { ok: true; output: MarkdownOutput } | { ok: false; problems: ContentProblem[] };

/** Lazily loaded features, by the fence language that needs them. */
const FEATURE_FENCES: Record<string, string> = { chart: 'chart', mermaid: 'mermaid' };

/**
 * The lazily loaded features a post uses, from its finished tree and what the plugins noted:
 * `chart` and `mermaid` by their fences, `math` when KaTeX drew something or a dollar span that
 * was not math held markdown (the browser needs the math plugins to render either as the build did),
 * and `callout`, `code-lines` and `html` for markup whose styles only its pages load.
 */
export function articleFeatures(
  { fences, math, styled = [] }: { fences: string[]; math: boolean; styled?: readonly string[] },
  file: VFile | undefined,
): string[] {
  const features = new Set(fences.flatMap((fence) => (Object.hasOwn(FEATURE_FENCES, fence) ? [FEATURE_FENCES[fence]!] : [])));
  for (const feature of styled) features.add(feature);
  if (math || file?.data[DOLLAR_TEXT_FLAG]) features.add('math');
  return [...features].sort();
}

/**
 * Runs a post's markdown through the pipeline once: checks its size and nesting, parses it,
 * checks its local files and measures its images, then writes the page and feed HTML from the
 * one tree. Never throws on bad content: problems come back with their places in the file.
 */
export function processMarkdown(job: MarkdownJob): MarkdownResult {
  const { file, body, limits } = job;
  const at = (line: number, column: number) => ({ file, line: line + job.bodyLine - 1, column });
  const tooComplex = checkMarkdownLimits(body, limits);
  if (tooComplex) return { ok: false, problems: [{ ...at(tooComplex.line, tooComplex.column), message: tooComplex.message }] };

  const images: Record<string, ImageInfo> = {};
  const variants: VariantJob[] = [];
  const processor = createProcessor({ base: job.base, assetBase: job.assetBase, images, highlighter: buildHighlighter, math: mathPlugins });
  // What the plugins say about the post: KaTeX's errors, dollar spans that were not math, iframes left out.
  const ran = new VFile({ path: job.path, value: body });
  let mdast: MdastRoot;
  let facts: ReturnType<typeof mdastFacts>;
  try {
    mdast = processor.parse(body);
    facts = mdastFacts(mdast);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `expected markdown nested at most ${limits.maxDepth} levels deep, got nesting too deep to parse (${error.message})`;
    return { ok: false, problems: [{ ...at(1, 1), message }] };
  }
  if (facts.deepest.depth > limits.maxDepth) {
    const { line, column, depth } = facts.deepest;
    const message = `expected markdown nested at most ${limits.maxDepth} levels deep, got ${depth} (lists, quotes, emphasis or links inside each other)`;
    return { ok: false, problems: [{ ...at(line, column), message }] };
  }

  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const dependencies: Dependency[] = [];
  const postDir = path.dirname(job.path);
  // Raw HTML's files are checked like markdown's, but a missing one is a warning: posts imported
  // from elsewhere carry HTML with dead `src`es, and the worst it does is a request that 404s.
  const raw = rawHtmlReferences(mdast).map((reference) => ({ ...reference, raw: true }));
  for (const reference of [...facts.references, ...raw]) {
    const resolved = resolveLocal(reference.url, postDir, job.contentDir);
    if (!resolved.ok && resolved.missing) {
      // The link stays as written, pointing where the file would be; adding the file fixes it.
      const what = reference.kind === 'image' ? 'an image' : 'a file';
      warnings.push({
        ...at(reference.line, reference.column),
        field: reference.kind,
        message: `expected ${what} at ${JSON.stringify(reference.url)} beside the post, got nothing there`,
      });
      dependencies.push({ path: resolved.missing.absolute, size: -1, mtimeMs: -1 });
      continue;
    }
    if (!resolved.ok) {
      const problem = { ...at(reference.line, reference.column), field: reference.kind, message: resolved.why };
      if ('raw' in reference) warnings.push(problem);
      else problems.push(problem);
      continue;
    }
    const { size, mtimeMs } = statSync(resolved.absolute);
    dependencies.push({ path: resolved.absolute, size, mtimeMs });
    if (reference.kind === 'image' && !Object.hasOwn(images, reference.url)) {
      const described = describeImage(resolved.absolute);
      if (described) images[reference.url] = described.info;
      if (described?.job) variants.push(described.job);
    }
  }
  for (const fence of facts.fences) {
    try {
      parseFenceMeta(fence.meta);
    } catch (error) {
      if (!(error instanceof FenceMetaError)) throw error;
      problems.push({ ...at(fence.line, fence.column), message: error.message });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  // `/images/a.png` naming content/images/a.png: published at that path too, so measured like a relative image.
  for (const link of facts.siteLinks) {
    const resolved = resolveLocal(link.url.slice(1), job.contentDir, job.contentDir);
    if (!resolved.ok) continue;
    const { size, mtimeMs } = statSync(resolved.absolute);
    dependencies.push({ path: resolved.absolute, size, mtimeMs });
    if (link.kind === 'image' && !Object.hasOwn(images, link.url)) {
      const described = describeImage(resolved.absolute);
      if (described) images[link.url] = described.info;
      if (described?.job) variants.push(described.job);
    }
  }
  const remote = remoteImageReferences(mdast).map((reference) => ({ ...reference, line: reference.line + job.bodyLine - 1 }));
  if (job.remoteImages !== 'allow' && job.remote) {
    for (const { url } of remote) {
      const download = Object.hasOwn(job.remote, url) ? job.remote[url] : undefined;
      if (!download || Object.hasOwn(images, url)) continue;
      const described = download.ok ? describeImage(download.file) : undefined;
      if (!download.ok || !described) {
        images[url] = { width: 0, height: 0, link: true };
        continue;
      }
      images[url] = { ...described.info, src: download.published };
      if (described.job) variants.push(described.job);
    }
  }

  const hast = processor.runSync(mdast, ran);
  for (const message of ran.messages) {
    const place = (ancestorStart?: { line: number; column: number }) =>
      at(message.line ?? ancestorStart?.line ?? 1, message.column ?? ancestorStart?.column ?? 1);
    if (message.source !== 'rehype-katex') {
      warnings.push({ ...place(), message: message.reason });
      continue;
    }
    const reason = message.cause instanceof Error ? message.cause.message : message.reason;
    // Display math is drawn from an element without a place of its own: take its nearest ancestor's.
    const placed = [...(message.ancestors ?? [])].reverse().find((node) => node.position)?.position?.start;
    problems.push({ ...place(placed), message: `expected math KaTeX can render, got: ${reason}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  const page = hastFacts(hast);
  const features = articleFeatures(page, ran);
  const output: MarkdownOutput = {
    excerpt: facts.excerpt,
    readingTime: facts.readingTime,
    headings: page.headings,
    images,
    variants,
    remote,
    languages: grammarsFor(page.fences),
    features,
    html: renderHtml(hast, pageComponents),
    dependencies,
    warnings,
    siteLinks: facts.siteLinks.map(({ url, line, column }) => ({ url, line: line + job.bodyLine - 1, column })),
  };
  if (job.feedOrigin !== undefined) output.feedHtml = renderHtml(hast, feedComponents(job.feedOrigin));
  return { ok: true, output };
}

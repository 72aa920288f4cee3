import { statSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Heading } from '../content/schema.ts';
import { feedComponents, pageComponents } from '../markdown/components.tsx';
import { createProcessor } from '../markdown/pipeline.ts';
import type { ImageInfo } from '../markdown/image-info.ts';
import { type MarkdownLimits, checkMarkdownLimits, hastFacts, mdastFacts } from './analyse-markdown.ts';
import { type VariantJob, describeImage } from './images/describe-image.ts';
import { type RemoteReference, remoteImageReferences } from './images/remote-references.ts';
import type { RemoteImage } from './images/remote-images.ts';
import { buildHighlighter, grammarsFor } from './languages.ts';
import { resolveLocal } from './local-files.ts';
import type { ContentProblem } from './problems.ts';
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

/** A file the result depends on, with what it was when the result was made. */
export interface Dependency {
  path: string;
  size: number;
  mtimeMs: number;
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
  /** Lazily loaded features the post uses, e.g. `chart`. */
  features: string[];
  /** The article as the page shows it. */
  html: string;
  /** The article for feed readers, when asked for: no buttons or anchors, absolute URLs. */
  feedHtml?: string;
  /** Files beside the post that the result depends on: a change to one makes a cached result stale. */
  dependencies: Dependency[];
}

export type MarkdownResult = { ok: true; output: MarkdownOutput } | { ok: false; problems: ContentProblem[] };

/** Lazily loaded features, by the fence language that needs them. */
const FEATURE_FENCES: Record<string, string> = { chart: 'chart' };

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
  const processor = createProcessor({ base: job.base, assetBase: job.assetBase, images, highlighter: buildHighlighter });
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
  const dependencies: Dependency[] = [];
  const postDir = path.dirname(job.path);
  for (const reference of facts.references) {
    const resolved = resolveLocal(reference.url, postDir, job.contentDir);
    if (!resolved.ok) {
      problems.push({ ...at(reference.line, reference.column), field: reference.kind, message: resolved.why });
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
  if (problems.length > 0) return { ok: false, problems };
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

  const hast = processor.runSync(mdast) as HastRoot;
  const { headings, fences } = hastFacts(hast);
  const output: MarkdownOutput = {
    excerpt: facts.excerpt,
    readingTime: facts.readingTime,
    headings,
    images,
    variants,
    remote,
    languages: grammarsFor(fences),
    features: [...new Set(fences.flatMap((fence) => (Object.hasOwn(FEATURE_FENCES, fence) ? [FEATURE_FENCES[fence]!] : [])))].sort(),
    html: renderHtml(hast, pageComponents),
    dependencies,
  };
  if (job.feedOrigin !== undefined) output.feedHtml = renderHtml(hast, feedComponents(job.feedOrigin));
  return { ok: true, output };
}

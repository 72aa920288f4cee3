/**
 * The markdown renderer of client-side navigation: react-markdown (the only place it renders)
 * with the pipeline's plugins and components, and the grammars of the post being opened. Loaded
 * on demand: a pre-rendered page shows the build's HTML and never needs this chunk.
 */
import type { LanguageFn } from 'highlight.js';
import { type ReactNode, use } from 'react';
import Markdown from 'react-markdown';
import { pageComponents } from './components.tsx';
import { featureStylesheets } from './feature-styles.ts';
import { createHighlighter } from './highlighter.ts';
import type { ImageInfo } from './image-info.ts';
import { loadStylesheet } from './load-stylesheet.ts';
import { type PipelineExtension, rehypePlugins, remarkPluginsWith, remarkRehypeOptions } from './pipeline.ts';

/** Every highlight.js grammar as its own chunk, fetched only for a post that uses it. */
const grammarModules = import.meta.glob<LanguageFn>(['/node_modules/highlight.js/es/languages/*.js', '!/node_modules/highlight.js/es/languages/*.js.js'], {
  import: 'default',
});

const highlighter = createHighlighter();

/** Loads and registers the grammars a post's fences need (its data file names them). */
export async function loadLanguages(names: readonly string[]): Promise<void> {
  const loaded = await Promise.all(
    names.map(async (name) => {
      const load = grammarModules[`/node_modules/highlight.js/es/languages/${name}.js`];
      return load ? ([name, await load()] as const) : undefined;
    }),
  );
  highlighter.register(Object.fromEntries(loaded.filter((entry) => entry !== undefined)));
}

let math: PipelineExtension | undefined;
let mathLoading: Promise<void> | undefined;

/** The math plugins (KaTeX, in a chunk of their own), loaded once. */
function loadMath(): Promise<void> {
  mathLoading ??= import('./math.ts').then((module) => void (math = module.mathPlugins));
  mathLoading.catch(() => (mathLoading = undefined));
  return mathLoading;
}

/**
 * Loads what the post's features need before it renders: the math plugins for a post with math.
 * Other features (charts, the writing behaviour) load from their components or the renderer loader.
 */
export async function loadFeatures(features: readonly string[]): Promise<void> {
  if (features.includes('math')) await loadMath();
}

/** Links the stylesheets of the post's features (KaTeX's, the callouts'), so it is not shown unstyled first. */
export async function loadFeatureStyles(features: readonly string[]): Promise<void> {
  await Promise.all((featureStylesheets(features) ?? []).map((sheet) => loadStylesheet(`${import.meta.env.BASE_URL}${sheet}`)));
}

export interface MarkdownProps {
  children: string;
  /** Site-relative folder that relative links and images resolve against, e.g. `media/posts/x/`. */
  assetBase: string;
  /** Image sizes and resized copies keyed by the URL as written, so images reserve their space and phones load small copies. */
  images?: Record<string, ImageInfo>;
  /** The post's features (its data lists them); `math` needs `loadFeatures` to have run. */
  features?: readonly string[];
}

/** The pipeline has already made every URL safe and final. */
const keepUrl = (url: string) => url;

/**
 * Markdown as React elements, the same markup the build pre-renders. Raw HTML is never
 * interpreted (it shows as text) and URLs pass the safe-scheme filter in the pipeline.
 */
export function MarkdownContent({ children, assetBase, images = {}, features = [] }: MarkdownProps): ReactNode {
  // Rendered before the loader could load the math plugins: suspend until they are here.
  if (features.includes('math') && !math) use(loadMath());
  const withMath = features.includes('math') ? math : undefined;
  return (
    <Markdown
      remarkPlugins={remarkPluginsWith(withMath)}
      remarkRehypeOptions={remarkRehypeOptions}
      rehypePlugins={rehypePlugins({ base: import.meta.env.BASE_URL, assetBase, images, highlighter, math: withMath })}
      urlTransform={keepUrl}
      components={pageComponents}
    >
      {children}
    </Markdown>
  );
}

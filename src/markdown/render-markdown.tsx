/**
 * The markdown renderer of client-side navigation: react-markdown (the only place it renders)
 * with the pipeline's plugins and components, and the grammars of the post being opened. Loaded
 * on demand: a pre-rendered page shows the build's HTML and never needs this chunk.
 */
import type { LanguageFn } from 'highlight.js';
import type { ReactNode } from 'react';
import Markdown from 'react-markdown';
import { pageComponents } from './components.tsx';
import { createHighlighter } from './highlighter.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from './pipeline.ts';
import type { ImageInfo } from './image-info.ts';

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

export interface MarkdownProps {
  children: string;
  /** Site-relative folder that relative links and images resolve against, e.g. `media/posts/x/`. */
  assetBase: string;
  /** Image sizes and resized copies keyed by the URL as written, so images reserve their space and phones load small copies. */
  images?: Record<string, ImageInfo>;
}

/** The pipeline has already made every URL safe and final. */
const keepUrl = (url: string) => url;

/**
 * Markdown as React elements, the same markup the build pre-renders. Raw HTML is never
 * interpreted (it shows as text) and URLs pass the safe-scheme filter in the pipeline.
 */
export function MarkdownContent({ children, assetBase, images = {} }: MarkdownProps): ReactNode {
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      remarkRehypeOptions={remarkRehypeOptions}
      rehypePlugins={rehypePlugins({ base: import.meta.env.BASE_URL, assetBase, images, highlighter })}
      urlTransform={keepUrl}
      components={pageComponents}
    >
      {children}
    </Markdown>
  );
}

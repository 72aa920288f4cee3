import { needsArticleCode } from './styled-features.ts';
type RendererModule = typeof import('./render-markdown.tsx');

let loading: Promise<RendererModule> | undefined;
let loaded: RendererModule | undefined;

/** Loads the markdown renderer's chunk once; later calls share the same promise. */
export function loadRenderer(): Promise<RendererModule> {
  loading ??= import('./render-markdown.tsx').then((module) => (loaded = module));
  // A failed load (offline) may be retried: forget it.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The renderer, if it has loaded: the post view renders with it synchronously. */
export const loadedRenderer = (): RendererModule | undefined => loaded;

/** Code that a post's lazily loaded features need outside the renderer, by feature name. */
const FEATURE_CODE: Record<string, () => Promise<unknown>> = {
  chart: () => import('../components/chart/lazy-chart.tsx').then((module) => module.preloadChart()),
};

/**
 * The code of what writers add (shell sessions' Copy, video embeds, diagrams), for the posts that
 * have it; if it cannot load, the post shows all the same (Copy then copies every line). Loaded
 * from here, not from the renderer's chunk, so the pre-rendered pages that link it alone (see
 * scripts/prerender-pages.ts) do not download the renderer with it.
 */
const loadArticleCode = () => import('../components/article/writing-behaviour.ts').catch(() => undefined);

/**
 * Loads the renderer and what a post needs: its grammars and the code and styles of its
 * features (KaTeX for math, the chart code, the callouts' styles), so the post renders in one go.
 * A post without math loads none of KaTeX.
 */
export async function prepareRenderer(languages: readonly string[], features: readonly string[] = []): Promise<void> {
  const renderer = loadRenderer();
  await Promise.all([
    renderer.then((module) => Promise.all([module.loadLanguages(languages), module.loadFeatures(features), module.loadFeatureStyles(features)])),
    ...features.flatMap((feature) => (Object.hasOwn(FEATURE_CODE, feature) ? [FEATURE_CODE[feature]!()] : [])),
    needsArticleCode(features) ? loadArticleCode() : undefined,
  ]);
}

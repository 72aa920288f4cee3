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

/** Code that a post's lazily loaded features need, by feature name (a post's data lists its features). */
const FEATURE_CODE: Record<string, () => Promise<unknown>> = {
  chart: () => import('../components/chart/lazy-chart.tsx').then((module) => module.preloadChart()),
};

/** Loads the renderer, the grammars a post needs and its features' code, so the post renders in one go. */
export async function prepareRenderer(languages: readonly string[], features: readonly string[] = []): Promise<void> {
  const renderer = loadRenderer();
  await Promise.all([
    renderer.then((module) => module.loadLanguages(languages)),
    ...features.flatMap((feature) => (Object.hasOwn(FEATURE_CODE, feature) ? [FEATURE_CODE[feature]!()] : [])),
  ]);
}

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

/** Loads the renderer and the grammars a post needs, so the post renders in one go. */
export async function prepareRenderer(languages: readonly string[]): Promise<void> {
  const renderer = await loadRenderer();
  await renderer.loadLanguages(languages);
}

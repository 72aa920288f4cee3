/** How long a post waits for a stylesheet before it is shown anyway: a stalled request must not hold the page. */
export const STYLESHEET_WAIT_MS = 3000;

const pending = new Map<string, Promise<void>>();

/**
 * Links a feature's stylesheet (KaTeX's, the callouts') from the document, once, and resolves when
 * it has loaded, failed (the text is still there, and math as MathML) or taken too long, so a post
 * that needs it is not shown unstyled first but is never held back by it.
 */
export function loadStylesheet(href: string): Promise<void> {
  const known = pending.get(href);
  if (known) return known;
  // Linked by the pre-rendered page this app started on.
  if (document.head.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    setTimeout(resolve, STYLESHEET_WAIT_MS);
  });
  pending.set(href, loaded);
  document.head.append(link);
  return loaded;
}

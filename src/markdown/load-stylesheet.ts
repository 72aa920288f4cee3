/**
 * Links a feature's stylesheet (KaTeX's, the callouts') from the document, once, and resolves when
 * it has loaded (or failed: the text is still there, and math as MathML), so a post that needs it
 * is not shown unstyled first.
 */
export function loadStylesheet(href: string): Promise<void> {
  const existing = document.head.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
  });
  document.head.append(link);
  return loaded;
}

// The page template the pre-renderer fills: Vite's index.html with its scripts rearranged so that
// no JavaScript stands between the reader and the first paint.
import { createHash } from 'node:crypto';

export interface PageTemplate {
  html: string;
  /** The same for a page whose article needs code of its own (writing-behaviour.ts), which it starts with the app. */
  withArticleCode: string;
  /** CSP hashes (`sha256-…`) of the template's inline scripts. */
  scriptHashes: string[];
}

const cspHash = (code: string) => `sha256-${createHash('sha256').update(code).digest('base64')}`;

/**
 * Starts the app after the first paint: the module script is added once the document is parsed
 * and a frame has been drawn, so it never competes with the page's own HTML and CSS for the
 * network or the main thread before the reader sees the page. When the page has loaded and the
 * browser is idle, the markdown renderer's files are prefetched for the next navigation.
 */
function loader(scripts: readonly string[], prefetch: readonly string[]): string {
  return `(function(){var d=document;function go(){${JSON.stringify(scripts)}.forEach(function(u){var s=d.createElement('script');s.type='module';s.src=u;d.head.appendChild(s)})}function start(){requestAnimationFrame(function(){setTimeout(go,0)})}d.readyState==='loading'?d.addEventListener('DOMContentLoaded',start):start();addEventListener('load',function(){(window.requestIdleCallback||function(f){setTimeout(f,200)})(function(){${JSON.stringify(prefetch)}.forEach(function(u){var l=d.createElement('link');l.rel='prefetch';l.href=u;d.head.appendChild(l)})})})})()`;
}

/**
 * Rewrites Vite's built index.html: the theme script (a file in `public/`, so the dev server can
 * load it) inlined in the head, where it must run before first paint; the entry's module script
 * and module preloads replaced by the loader at the end of the body.
 */
export function pageTemplate(built: string, themeCode: string, base: string, prefetch: readonly string[], articleScript?: string): PageTemplate {
  const main = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(built)?.[1];
  if (!main) throw new Error('The built index.html has no module script to start the app with');
  const theme = themeCode.trim();
  const page = built
    .replace(`<script src="${base}theme.js"></script>`, () => `<script>${theme}</script>`)
    .replace(/\s*<script type="module" crossorigin src="[^"]+"><\/script>/, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  const start = loader([main], prefetch);
  // Preloaded with the page, started with the app: a plain post's page carries none of it.
  const startWithArticle = articleScript ? loader([main, articleScript], prefetch) : start;
  const preload = articleScript ? `<link rel="modulepreload" crossorigin href="${articleScript}">` : '';
  return {
    html: page.replace('</body>', () => `<script>${start}</script>\n  </body>`),
    withArticleCode: page.replace('</head>', () => `${preload}</head>`).replace('</body>', () => `<script>${startWithArticle}</script>\n  </body>`),
    scriptHashes: [...new Set([cspHash(theme), cspHash(start), cspHash(startWithArticle)])],
  };
}

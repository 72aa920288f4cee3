/**
 * KaTeX's stylesheet and fonts, copied from the katex package into the build output by the Vite
 * plugin and linked only from pages with math. The folder is named for the katex version because
 * files under `assets/` are cached as immutable: a new version must be a new URL
 * (test/markdown/math.test.ts checks that it is the installed one).
 */
export const KATEX_DIR = 'assets/katex-0.19.1';
export const KATEX_STYLESHEET = `${KATEX_DIR}/katex.min.css`;

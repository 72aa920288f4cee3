import { pageFolders } from '../app/paths';
import { EMBED_ORIGINS } from '../markdown/video-links';
/**
 * Where images may come from: the site itself (and data: URLs) when the build downloads images on
 * other hosts into the site (`remoteImages: download`, the default), so a page that still names one
 * cannot make the reader's browser ask that host; also any https host with `remoteImages: allow`.
 */
const imgSource = (remoteImages: 'download' | 'allow' = 'download') => (remoteImages === 'allow' ? "img-src 'self' https: data:" : "img-src 'self' data:");

export interface PolicyOptions {
  /** CSP hashes of the page template's inline scripts. */
  scriptHashes?: readonly string[];
  remoteImages?: 'download' | 'allow';
}

/**
 * The policy the built site works under: scripts from the site itself, and the page's two inline
 * scripts by their hashes only (the theme, set before first paint, and the loader that starts the
 * app after it; the state is JSON data, not script); images as `imgSource` says; frames only from
 * the two video players a post's click-to-load embed opens (YouTube's no-cookie host and Vimeo's
 * player); no plugins or form posts elsewhere. Inline `style` attributes are allowed because the
 * chart positions its labels with them.
 */
export const contentSecurityPolicy = ({ scriptHashes = [], remoteImages }: PolicyOptions = {}) =>
  [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    imgSource(remoteImages),
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${EMBED_ORIGINS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * `_headers` for Netlify and Cloudflare Pages. Both merge every rule matching a path, joining
 * repeated headers with commas, so Cache-Control is set only on rules that never overlap.
 */
export function writeHeaders(base: string, policy: PolicyOptions = {}): Map<string, string> {
  const at = (path: string) => `${base}${path}`;
  const rules: [string, Record<string, string>][] = [
    [
      at('*'),
      {
        'Content-Security-Policy': contentSecurityPolicy(policy),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      },
    ],
    // Vite names these files by content hash: a changed file is a new name.
    [at('assets/*'), { 'Cache-Control': 'public, max-age=31536000, immutable' }],
    // Resized copies are named by their original's content hash, like the assets.
    [at('media/img/*'), { 'Cache-Control': 'public, max-age=31536000, immutable' }],
    ...[
      '',
      'index.html',
      '404.html',
      ...pageFolders().map((folder) => `${folder}/*`),
      'data/*',
      'posts.json',
      'feed.json',
      'rss.xml',
      'atom.xml',
      'sitemap.xml',
    ].map((path): [string, Record<string, string>] => [at(path), { 'Cache-Control': REVALIDATE }]),
  ];
  const text = rules.map(([path, headers]) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n');
  return new Map([['_headers', `${text}\n`]]);
}

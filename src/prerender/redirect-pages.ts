import type { Redirect } from '../build/site-links.ts';
import { absoluteUrl } from './urls.ts';

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char]!);

export interface RedirectPageOptions {
  /** The site's base path, `/` or `/blog/`. */
  base: string;
  /** The site's absolute URL, for the canonical link; without it the link is the path. */
  siteUrl?: string;
  /** The page's language, from site.yaml. */
  language: string;
}

/**
 * Where the page sends readers: a path under the base, so it works wherever the site is served
 * (a preview, a staging host); and the canonical URL, absolute when the site has a URL.
 */
function targets(redirect: Redirect, { base, siteUrl }: RedirectPageOptions): { href: string; canonical: string } {
  const path = encodeURI(redirect.to);
  const href = `${base}${path.replace(/^\//, '')}`;
  return { href, canonical: siteUrl ? absoluteUrl(siteUrl, base, path) : href };
}

/**
 * A page at an old address that sends the reader to the new one at once, without JavaScript on
 * any static host: a zero-second meta refresh, the new URL as canonical (so search engines move
 * the old page's standing to it), noindex, and a plain link for browsers that refresh nothing.
 */
export function redirectPage(redirect: Redirect, options: RedirectPageOptions): string {
  const { href, canonical } = targets(redirect, options);
  const url = escapeHtml(href);
  const title = escapeHtml(redirect.title);
  const lang = options.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    // The site's own icon: without one a browser asks for /favicon.ico, which the site does not have.
    `<link rel="icon" type="image/svg+xml" href="${escapeHtml(options.base)}favicon.svg">`,
    `<meta http-equiv="refresh" content="0; url=${url}">`,
    '</head>',
    '<body>',
    `<p>This page has moved to <a href="${url}">${title}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Every redirect page, keyed by its file under the output folder. */
export function redirectPages(redirects: Redirect[], options: RedirectPageOptions): Map<string, string> {
  return new Map(redirects.map((redirect) => [redirect.file, redirectPage(redirect, options)]));
}

import { isEmbedUrl } from '../../markdown/video-links';

/**
 * Replaces a click-to-load video's Play button (see src/markdown/embeds.ts) with the player's
 * frame: the first request to the video host happens here, after the reader asked for it. The
 * frame's URL is checked again, so markup that is not the pipeline's cannot load anything else
 * (the CSP's `frame-src` would block it too).
 */
export function loadVideo(button: HTMLButtonElement): void {
  const figure = button.closest<HTMLElement>('figure.embed');
  const src = figure?.dataset.embedSrc;
  if (!figure || !src || !isEmbedUrl(src)) return;
  const frame = document.createElement('iframe');
  const url = new URL(src);
  url.searchParams.set('autoplay', '1');
  frame.src = url.href;
  frame.title = figure.dataset.embedTitle ?? 'Video';
  frame.className = 'embed-frame';
  frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
  frame.allowFullscreen = true;
  // The players refuse to play without knowing the embedding site; the origin is all they get.
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  // Scripts and their own origin are what the players need; no top navigation, no downloads.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox');
  button.replaceWith(frame);
  figure.classList.add('embed-loaded');
  frame.focus();
}

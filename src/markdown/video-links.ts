/** A video on a host whose player Quire embeds, and where it lives. */
export interface Video {
  host: 'YouTube' | 'Vimeo';
  id: string;
  /** The video's page, for readers who would rather watch it there (and for feeds). */
  watchUrl: string;
  /** The player loaded into the frame after the reader asks for it. */
  embedUrl: string;
}

/** The only hosts a player frame may come from; the CSP's `frame-src` lists the same. */
export const EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

const YOUTUBE_ID = /^[\w-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);

function youtube(id: string | undefined): Video | undefined {
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return { host: 'YouTube', id, watchUrl: `https://www.youtube.com/watch?v=${id}`, embedUrl: `https://www.youtube-nocookie.com/embed/${id}` };
}

function vimeo(id: string | undefined): Video | undefined {
  if (!id || !VIMEO_ID.test(id)) return undefined;
  return { host: 'Vimeo', id, watchUrl: `https://vimeo.com/${id}`, embedUrl: `https://player.vimeo.com/video/${id}?dnt=1` };
}

/**
 * The video a URL shows, for the URL forms people paste: `youtube.com/watch?v=`, `youtu.be/`,
 * `youtube.com/embed/` and `/shorts/`, `vimeo.com/ID` and `player.vimeo.com/video/ID`. Anything
 * else, including those paths on other hosts, is not a video.
 */
export function videoOf(href: string): Video | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.port) return undefined;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (YOUTUBE_HOSTS.has(host)) {
    if (parts.length === 1 && parts[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined);
    if (parts.length === 2 && (parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live')) return youtube(parts[1]);
    return undefined;
  }
  if (host === 'youtu.be') return parts.length === 1 ? youtube(parts[0]) : undefined;
  if (host === 'vimeo.com' || host === 'www.vimeo.com') return parts.length === 1 ? vimeo(parts[0]) : undefined;
  if (host === 'player.vimeo.com') return parts.length === 2 && parts[0] === 'video' ? vimeo(parts[1]) : undefined;
  return undefined;
}

/** True when `src` is a player URL the click handler may put in a frame: one of ours, nothing else. */
export function isEmbedUrl(src: string): boolean {
  try {
    const url = new URL(src);
    return (EMBED_ORIGINS as readonly string[]).includes(url.origin) && videoOf(src) !== undefined;
  } catch {
    return false;
  }
}

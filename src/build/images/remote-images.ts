import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

/** Content types a downloaded image may have, and the extension it is published with. */
const TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' };
/** What image-size calls each format, to check the bytes are what the server said. */
const SNIFFED: Record<string, string> = { png: 'png', jpg: 'jpg', gif: 'gif', webp: 'webp', avif: 'heif' };

export interface DownloadLimits {
  /** Largest image accepted, in bytes. */
  maxBytes: number;
  /** Longest a download may take, in milliseconds. */
  timeoutMs: number;
}

const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 15_000 };

/** A remote image copied into the site, or why it was not. */
export type RemoteImage = { ok: true; file: string; published: string } | { ok: false; why: string };

/** Folder under the site root that downloaded images are published in. */
const REMOTE_DIR = 'media/remote';

const keyOf = (url: string) => createHash('sha256').update(url).digest('hex');

/** A download made by an earlier build, if there is one: remote images are cached by URL. */
export function cachedDownload(url: string, cacheDir: string): RemoteImage | undefined {
  const key = keyOf(url);
  for (const extension of Object.values(TYPES)) {
    const file = path.join(cacheDir, 'remote', `${key}.${extension}`);
    if (existsSync(file)) return { ok: true, file, published: `${REMOTE_DIR}/${key.slice(0, 20)}.${extension}` };
  }
  return undefined;
}

/** Reads a response body, giving up past `maxBytes` however the server sends it. */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Downloads an image on another host into the cache, so the site can publish its own copy: only
 * http(s), only raster image types (an SVG from elsewhere could carry scripts to run on this
 * site's origin), at most `maxBytes`, within `timeoutMs`. Never throws: a failure says why.
 */
export async function downloadImage(url: string, cacheDir: string, limits: DownloadLimits = DEFAULT_DOWNLOAD_LIMITS): Promise<RemoteImage> {
  const cached = cachedDownload(url, cacheDir);
  if (cached) return cached;
  if (!/^https?:\/\//i.test(url)) return { ok: false, why: `expected an http(s) URL, got ${JSON.stringify(url)}` };
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow', headers: { accept: Object.keys(TYPES).join(', ') } });
  } catch (error) {
    const cause =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${limits.timeoutMs / 1000} s`
        : error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    return { ok: false, why: `could not download ${url} (${cause})` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, why: `could not download ${url} (HTTP ${response.status})` };
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const extension = TYPES[type];
  if (!extension) {
    await response.body?.cancel();
    return { ok: false, why: `expected a PNG, JPEG, GIF, WebP or AVIF image at ${url}, got ${type ? `content type ${type}` : 'no content type'}` };
  }
  const declared = Number(response.headers.get('content-length'));
  const tooBig = { ok: false as const, why: `expected an image of at most ${mib(limits.maxBytes)} at ${url}, got more` };
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    return tooBig;
  }
  let bytes: Buffer | undefined;
  try {
    bytes = await readLimited(response, limits.maxBytes);
  } catch (error) {
    return { ok: false, why: `could not download ${url} (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!bytes) return tooBig;
  let sniffed: string | undefined;
  try {
    sniffed = imageSize(bytes).type;
  } catch {
    sniffed = undefined;
  }
  if (sniffed !== SNIFFED[extension]) return { ok: false, why: `expected ${type} at ${url}, got bytes that are not that image` };
  const key = keyOf(url);
  const file = path.join(cacheDir, 'remote', `${key}.${extension}`);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return { ok: true, file, published: `${REMOTE_DIR}/${key.slice(0, 20)}.${extension}` };
}

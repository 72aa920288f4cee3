import path from 'node:path';
import { MEDIA_DIR, previewFile } from '../../content/files.ts';
import type { Content } from '../load-content.ts';
import type { LoadedPost } from '../read-post.ts';
import type { PreviewCache, PreviewInput } from './link-preview.ts';

/** What a post's preview is made from: its cover's file when it has one the build can read, else its text. */
export function previewInput(post: LoadedPost, content: Content, contentDir: string): PreviewInput {
  const { meta } = post;
  const image = meta.image;
  const cover =
    image === undefined
      ? undefined
      : (content.remoteFiles?.get(image) ??
        (image.startsWith(`${MEDIA_DIR}/`) && meta.cover ? path.join(contentDir, image.slice(MEDIA_DIR.length + 1)) : undefined));
  return {
    title: meta.title,
    date: meta.date,
    tags: meta.tags,
    siteTitle: content.site.title,
    language: content.site.language,
    ...(cover ? { cover } : {}),
  };
}

/** Previews rendered at once: satori lays out on this thread, but sharp and file access overlap. */
const IN_FLIGHT = 4;

/** Every post's preview, from the cache or made: `og/SLUG.png` → the file holding it. */
export async function postPreviews(content: Content, contentDir: string, cache: PreviewCache): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < content.posts.length) {
      const post = content.posts[next++]!;
      files.set(previewFile(post.meta.slug), await cache.get(previewInput(post, content, contentDir)));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return files;
}

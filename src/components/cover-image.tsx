import { ARTICLE_SIZES, type ImageInfo, srcsetOf } from '../markdown/image-info';

const MIME = { avif: 'image/avif', webp: 'image/webp' } as const;

/**
 * A post's cover as a `<picture>` of its resized copies, sized so nothing shifts. On the post it is
 * the largest paint, so it loads first; on cards it loads lazily and is offered at card width.
 */
export function CoverImage({ cover, image, priority = false, sizes = ARTICLE_SIZES }: { cover: ImageInfo; image: string; priority?: boolean; sizes?: string }) {
  const base = import.meta.env.BASE_URL;
  const src = /^https?:\/\//i.test(image) ? image : `${base}${(cover.src ?? image).replace(/^\//, '')}`;
  const { variants } = cover;
  return (
    <picture className="cover">
      {variants?.formats.map((format) => (
        <source key={format} type={MIME[format]} srcSet={srcsetOf(base, variants, format)} sizes={sizes} />
      ))}
      <img
        src={src}
        alt=""
        width={cover.width}
        height={cover.height}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        {...(priority ? { fetchPriority: 'high' as const } : {})}
      />
    </picture>
  );
}

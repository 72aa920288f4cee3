/**
 * What the build knows about an image a post shows, carried in the post's data so the build and
 * the browser turn the same `<img>` into the same `<picture>`. Plain data, browser-safe.
 */

/** Formats the build writes smaller copies in, best first: a browser takes the first it supports. */
export const VARIANT_FORMATS = ['avif', 'webp'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

/** Folder under the site root that resized copies are published in. */
const VARIANT_DIR = 'media/img';

/** Smaller copies of one image: `media/img/STEM-WIDTH.FORMAT` for each width and format. */
export interface ImageVariants {
  stem: string;
  widths: number[];
  formats: VariantFormat[];
}

export interface ImageInfo {
  width: number;
  height: number;
  /** Where the image is published when that is not the URL as written (a downloaded remote image), relative to the site root. */
  src?: string;
  variants?: ImageVariants;
  /** The image could not be published (a failed download): it shows as a link to the URL instead. */
  link?: boolean;
}

/** The site-relative path of one resized copy. */
export const variantPath = (stem: string, width: number, format: VariantFormat) => `${VARIANT_DIR}/${stem}-${width}.${format}`;

/**
 * How wide an image shows in the article column at each window width, so a phone picks a small
 * copy: the column is the full window on narrow screens (less its padding) and at most 70ch.
 */
export const ARTICLE_SIZES = '(max-width: 48rem) calc(100vw - 2.5rem), 44rem';

/** `srcset` of one format: every width, under the site's base path. */
export function srcsetOf(base: string, variants: ImageVariants, format: VariantFormat): string {
  return variants.widths.map((width) => `${base}${variantPath(variants.stem, width, format)} ${width}w`).join(', ');
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { type ImageInfo, type ImageVariants, VARIANT_FORMATS } from '../../markdown/image-info.ts';

/** Widths the build resizes to; an image narrower than one is not enlarged. */
const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** Formats that are resized; GIFs (often animated) and SVGs are published as they are. */
const RESIZED_TYPES = new Set(['png', 'jpg', 'webp', 'avif']);

/** One image to resize: where it is read from, and the copies that are published of it. */
export interface VariantJob {
  /** Absolute path of the original. */
  source: string;
  /** sha256 of the original's bytes: the resize cache's key. */
  hash: string;
  variants: ImageVariants;
}

export interface DescribedImage {
  info: ImageInfo;
  /** Set when the image is resized. */
  job?: VariantJob;
}

/** The widths an image of `width` pixels is offered in: the standard ones below it, and its own when it is under the largest. */
export function variantWidths(width: number): number[] {
  const widest = Math.min(width, VARIANT_WIDTHS.at(-1)!);
  return [...VARIANT_WIDTHS.filter((candidate) => candidate < widest), widest];
}

/** A file name part readers can recognise: the original's name in lower-case letters, digits and hyphens. */
const readableName = (file: string) =>
  path
    .basename(file, path.extname(file))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'image';

/**
 * An image's size and, for rasters the build resizes, the copies it will have. The copies are
 * named by the original's content hash, so the markup can be written before (or without) resizing,
 * and an unchanged image is never resized twice. Undefined for files that are not images.
 */
export function describeImage(absolute: string): DescribedImage | undefined {
  let bytes: Buffer;
  let measured: ReturnType<typeof imageSize>;
  try {
    bytes = readFileSync(absolute);
    measured = imageSize(bytes);
  } catch {
    return undefined;
  }
  if (!measured.width || !measured.height) return undefined;
  // EXIF orientations 5 to 8 turn the picture a quarter: it shows (and is resized) the other way round.
  const turned = (measured.orientation ?? 1) >= 5;
  const width = turned ? measured.height : measured.width;
  const height = turned ? measured.width : measured.height;
  const info: ImageInfo = { width, height };
  if (!RESIZED_TYPES.has(measured.type ?? '')) return { info };
  const hash = createHash('sha256').update(bytes).digest('hex');
  const variants: ImageVariants = { stem: `${readableName(absolute)}-${hash.slice(0, 12)}`, widths: variantWidths(width), formats: [...VARIANT_FORMATS] };
  info.variants = variants;
  return { info, job: { source: absolute, hash, variants } };
}

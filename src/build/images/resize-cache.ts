import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { type VariantFormat, variantPath } from '../../markdown/image-info.ts';
import type { VariantJob } from './describe-image.ts';

/** Where resized copies and downloaded images live between builds. */
export const DEFAULT_IMAGE_CACHE_DIR = path.resolve('node_modules/.cache/quire/images');

/**
 * Encoder settings: AVIF at effort 2 is some five times faster than the default 4 for a few per
 * cent more bytes, which keeps a cold build of a blog with hundreds of images in minutes, not tens.
 */
const ENCODE: Record<VariantFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78, effort: 4 }),
};

/**
 * Copies made at once. sharp already spreads each over libvips' threads; more in flight only adds
 * decoded originals to memory (a 2400-pixel JPEG is some 17 MB decoded), and a container may report
 * far more cores than it may use.
 */
const RESIZES_IN_FLIGHT = Math.min(4, Math.max(1, availableParallelism()));

/** One resized copy: the path it is published at (under the site root) and the file holding it. */
export interface ResizedFile {
  published: string;
  file: string;
}

/**
 * Resized copies of images, on disk by the original's content hash, width and format: a rebuild
 * (or another post showing the same image) finds them there and resizes nothing.
 */
export class ResizeCache {
  /** Copies being made, so two requests for one file share the work. */
  private readonly pending = new Map<string, Promise<string>>();
  /** How many copies were made rather than found, for tests and the build's summary. */
  made = 0;

  constructor(readonly dir: string) {}

  /** The cache file of one copy: the content hash keys it, the published name is only for people. */
  fileOf(job: VariantJob, width: number, format: VariantFormat): string {
    return path.join(this.dir, 'resized', job.hash.slice(0, 2), `${job.hash}-${width}.${format}`);
  }

  /** Makes one copy unless the cache has it; resolves to its file. */
  ensure(job: VariantJob, width: number, format: VariantFormat): Promise<string> {
    const file = this.fileOf(job, width, format);
    if (existsSync(file)) return Promise.resolve(file);
    let making = this.pending.get(file);
    if (!making) {
      making = (async () => {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        // rotate() applies the EXIF orientation, as browsers do when they show the original.
        await ENCODE[format](sharp(job.source).rotate().resize({ width, withoutEnlargement: true })).toFile(temporary);
        // Written aside and renamed, so a build killed mid-write never leaves half an image.
        renameSync(temporary, file);
        this.made += 1;
        return file;
      })().finally(() => this.pending.delete(file));
      this.pending.set(file, making);
    }
    return making;
  }

  /**
   * Every copy of every job, each image once however many posts show it, a few at a time (sharp
   * spreads each over libvips' threads). Resolves to the files to publish.
   */
  async resizeAll(jobs: Iterable<VariantJob>): Promise<ResizedFile[]> {
    const work = [...variantsByPath(jobs)];
    const results: ResizedFile[] = [];
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const [published, { job, width, format }] = work[next++]!;
        results.push({ published, file: await this.ensure(job, width, format) });
      }
    };
    await Promise.all(Array.from({ length: RESIZES_IN_FLIGHT }, worker));
    return results.sort((a, b) => a.published.localeCompare(b.published));
  }
}

/** The copies of a job by published path, so the dev server can make one when a page asks for it. */
export function variantsByPath(jobs: Iterable<VariantJob>): Map<string, { job: VariantJob; width: number; format: VariantFormat }> {
  const map = new Map<string, { job: VariantJob; width: number; format: VariantFormat }>();
  for (const job of jobs) {
    for (const format of job.variants.formats) {
      for (const width of job.variants.widths) map.set(variantPath(job.variants.stem, width, format), { job, width, format });
    }
  }
  return map;
}

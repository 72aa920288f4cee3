// @vitest-environment node
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImage, variantWidths } from '../../src/build/images/describe-image';
import { ResizeCache } from '../../src/build/images/resize-cache';

let dir: string;

/** A PNG of the given size, with some structure so the encoders have work to do. */
async function png(file: string, width: number, height: number, shade = 40) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="rgb(${shade},90,160)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fc6"/></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path.join(dir, file));
  return path.join(dir, file);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quire-images-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the widths an image is offered in', () => {
  it.each([
    [300, [300]],
    [480, [480]],
    [481, [480, 481]],
    [1000, [480, 960, 1000]],
    [1600, [480, 960, 1600]],
    [4000, [480, 960, 1600]],
  ])('%i pixels wide: %j, never wider than the original', (width, widths) => {
    expect(variantWidths(width)).toEqual(widths);
  });
});

describe('describing an image', () => {
  it('gives a raster its size and resized copies named by its content', async () => {
    const file = await png('Photo Of Rack.png', 1200, 800);
    const described = describeImage(file)!;
    expect(described.info).toEqual({
      width: 1200,
      height: 800,
      variants: { stem: expect.stringMatching(/^photo-of-rack-[0-9a-f]{12}$/), widths: [480, 960, 1200], formats: ['avif', 'webp'] },
    });
    expect(described.job?.source).toBe(file);
  });

  it('copies SVGs and GIFs as they are: size only, no copies', async () => {
    const svg = path.join(dir, 'diagram.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="200"></svg>');
    const gif = path.join(dir, 'spinner.gif');
    await sharp({ create: { width: 64, height: 32, channels: 3, background: '#888' } })
      .gif()
      .toFile(gif);
    expect(describeImage(svg)).toEqual({ info: { width: 640, height: 200 } });
    expect(describeImage(gif)).toEqual({ info: { width: 64, height: 32 } });
  });

  it('is undefined for a file that is not an image', () => {
    const text = path.join(dir, 'notes.png');
    writeFileSync(text, 'not a picture');
    expect(describeImage(text)).toBeUndefined();
  });
});

describe('the resize cache', () => {
  it('makes every copy once, at its width and in its format, and finds them on the next build', async () => {
    const cacheDir = path.join(dir, 'cache');
    const job = describeImage(await png('wide.png', 2000, 1000))!.job!;
    const first = new ResizeCache(cacheDir);
    const files = await first.resizeAll([job, job]);
    expect(files.map((file) => path.basename(file.published))).toEqual(
      ['1600.avif', '1600.webp', '480.avif', '480.webp', '960.avif', '960.webp'].map((end) => `${job.variants.stem}-${end}`),
    );
    expect(first.made).toBe(6);
    for (const { published, file } of files) {
      const meta = await sharp(file).metadata();
      expect(meta.width).toBe(Number(/-(\d+)\.\w+$/.exec(published)![1]));
      expect(meta.format).toBe(published.endsWith('.avif') ? 'heif' : 'webp');
    }
    // A rebuild: a new process with the same cache folder resizes nothing.
    const second = new ResizeCache(cacheDir);
    expect(await second.resizeAll([job])).toEqual(files);
    expect(second.made).toBe(0);
  });

  it('makes new copies when the image changes, under a new name', async () => {
    const cacheDir = path.join(dir, 'cache-changed');
    const file = await png('changing.png', 800, 400, 10);
    const cache = new ResizeCache(cacheDir);
    const before = describeImage(file)!.job!;
    await cache.resizeAll([before]);
    cpSync(await png('other.png', 800, 400, 200), file);
    const after = describeImage(file)!.job!;
    expect(after.variants.stem).not.toBe(before.variants.stem);
    await cache.resizeAll([after]);
    expect(cache.made).toBe(8);
  });
});

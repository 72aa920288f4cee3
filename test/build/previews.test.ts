// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PreviewCache, type PreviewInput, renderPreview } from '../../src/build/previews/link-preview';
import { fontsFor } from '../../src/build/previews/preview-fonts';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-previews-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: PreviewInput = {
  title: 'The OOM killer and the page cache',
  date: '2023-06-19',
  tags: ['linux', 'memory'],
  siteTitle: 'Quire Notes',
  language: 'en',
};
const JAPANESE = 'メモリ不足のときに OOM キラーが選ぶプロセスと、ページキャッシュの本当の大きさ';
const LONG = `${'Why malloc fails when free says there is memory, '.repeat(8)}the end`;

/** Mean brightness of a band of the image, 0 (black) to 255: how much ink the title left there. */
async function ink(png: Buffer, top: number, height: number) {
  const { data } = await sharp(png).extract({ left: 60, top, width: 1080, height }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return data.reduce((sum, value) => sum + value, 0) / data.length;
}

describe('link previews', () => {
  it.each([
    ['a short title', base],
    ['a very long title', { ...base, title: LONG }],
    ['a Japanese title', { ...base, title: JAPANESE, tags: ['メモリ'], language: 'ja' }],
    ['a post without tags', { ...base, tags: [] }],
  ])('%s is a 1200×630 PNG', { timeout: 20_000 }, async (_name, input) => {
    const png = await renderPreview(input);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  it('cuts a very long title off above the date line rather than running over it', async () => {
    const long = await renderPreview({ ...base, title: LONG, tags: [] });
    const short = await renderPreview({ ...base, tags: [] });
    // The date's band (bottom 120 px, left of the tags) holds the same ink either way.
    expect(Math.abs((await ink(long, 500, 100)) - (await ink(short, 500, 100)))).toBeLessThan(1);
  });

  it('has a glyph for every character of a Japanese title', () => {
    const fonts = fontsFor(JAPANESE);
    expect(fonts.some((font) => font.name.startsWith('Noto Sans JP'))).toBe(true);
    // Only the subsets holding the title's characters, not all of them.
    expect(fonts.length).toBeLessThan(60);
  });

  it('draws a Japanese title, not empty boxes: it differs from the same length of missing glyphs', async () => {
    const japanese = await renderPreview({ ...base, title: JAPANESE });
    const missing = await renderPreview({ ...base, title: '\u{E000}'.repeat([...JAPANESE].length) });
    expect(Math.abs((await ink(japanese, 180, 260)) - (await ink(missing, 180, 260)))).toBeGreaterThan(2);
  });

  it('crops a raster cover to the preview, and rasterises an SVG one', async () => {
    const cover = path.join(dir, 'cover.png');
    await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#c33' } })
      .png()
      .toFile(cover);
    const svg = path.resolve(__dirname, '../../content/posts/five-day-ratio-growth-indicator/cover.svg');
    for (const file of [cover, svg]) {
      const meta = await sharp(await renderPreview({ ...base, cover: file })).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
    const { dominant } = await sharp(await renderPreview({ ...base, cover })).stats();
    expect(dominant.r).toBeGreaterThan(150);
  });

  it('is cached by its inputs: the same post is drawn once, a changed title again', async () => {
    const cache = new PreviewCache(path.join(dir, 'cache'));
    const first = await cache.get(base);
    expect(await new PreviewCache(cache.dir).get(base)).toBe(first);
    expect(await cache.get({ ...base, title: 'Another title' })).not.toBe(first);
    expect(cache.made).toBe(2);
  });
});

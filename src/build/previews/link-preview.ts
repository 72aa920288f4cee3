import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { fontVersion, fontsFor } from './preview-fonts.ts';

/** The size social sites show large previews at. */
const PREVIEW_WIDTH = 1200;
const PREVIEW_HEIGHT = 630;

/** The site's light colours (src/styles/global.css), which read best in a feed of other cards. */
const COLOURS = { bg: '#fdfdfc', surface: '#f3f2ef', text: '#1d1d1f', muted: '#55555c', accent: '#0b57b5', border: '#d9d8d3' };

/** What a post's preview shows: its title, date, tags and the blog's name, or its cover when it has one. */
export interface PreviewInput {
  title: string;
  /** Front matter date, `2021-05-01` or a date-time. */
  date: string;
  tags: string[];
  siteTitle: string;
  /** The site's language, for the date's wording. */
  language: string;
  /** Absolute path of the cover image; a raster is cropped to the preview, an SVG rasterised first. */
  cover?: string;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({
  type,
  props: { style, ...(children !== undefined ? { children } : {}) },
});

function formatDate(date: string, language: string): string {
  const time = Date.parse(/T/.test(date) ? date : `${date}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
  } catch {
    return date.slice(0, 10);
  }
}

/** Smaller type for longer titles, so most fit in three lines; the rest are cut with an ellipsis at four. */
const titleSize = (title: string) => {
  const length = [...title].length;
  const wide = /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(title) ? 1.8 : 1;
  const weighted = length * wide;
  return weighted <= 40 ? 76 : weighted <= 70 ? 64 : weighted <= 110 ? 54 : 46;
};

/** The preview card as satori's element tree: the blog's name, the title, then the date and tags. */
function card(input: PreviewInput): Node {
  const size = titleSize(input.title);
  const tags = input.tags.slice(0, 4).map((tag) =>
    el(
      'div',
      {
        display: 'flex',
        padding: '6px 18px',
        borderRadius: 999,
        background: COLOURS.surface,
        border: `2px solid ${COLOURS.border}`,
        color: COLOURS.text,
        fontSize: 26,
        fontWeight: 400,
      },
      `#${tag}`,
    ),
  );
  return el('div', { display: 'flex', width: '100%', height: '100%', background: COLOURS.bg, fontFamily: 'Noto Sans latin' }, [
    el('div', { display: 'flex', width: 18, height: '100%', background: COLOURS.accent }),
    el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '64px 72px 56px 64px' }, [
      el('div', { display: 'flex', color: COLOURS.accent, fontSize: 32, fontWeight: 700 }, input.siteTitle),
      el(
        'div',
        {
          display: 'block',
          color: COLOURS.text,
          fontSize: size,
          fontWeight: 700,
          lineHeight: 1.18,
          lineClamp: 4,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          wordBreak: 'break-word',
        },
        input.title,
      ),
      el('div', { display: 'flex', alignItems: 'center', gap: 14, flexWrap: 'wrap' }, [
        el('div', { display: 'flex', color: COLOURS.muted, fontSize: 28, fontWeight: 400, marginRight: 12 }, formatDate(input.date, input.language)),
        ...tags,
      ]),
    ]),
  ]);
}

/** The preview as a 1200×630 PNG. */
export async function renderPreview(input: PreviewInput): Promise<Buffer> {
  if (input.cover) {
    // sharp rasterises an SVG cover at a density that makes it at least the preview's width.
    const source = readFileSync(input.cover);
    const svg = /\.svg$/i.test(input.cover);
    const image = svg ? sharp(source, { density: 300 }) : sharp(source);
    return image.rotate().resize(PREVIEW_WIDTH, PREVIEW_HEIGHT, { fit: 'cover', position: 'attention' }).flatten({ background: COLOURS.bg }).png().toBuffer();
  }
  const text = `${input.siteTitle} ${input.title} ${input.tags.join(' ')} ${formatDate(input.date, input.language)}`;
  const svg = await satori(card(input) as unknown as Parameters<typeof satori>[0], { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: fontsFor(text) });
  // sharp (librsvg) rasterises, not resvg-js: resvg-js 2.6 keeps each 3 MB pixel buffer in memory
  // V8 is never told about, so a 10,000-post build grew past 20 GB even with collections forced.
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const sourceDir = () => (import.meta.url.startsWith('file:') ? path.dirname(fileURLToPath(import.meta.url)) : path.resolve('src/build/previews'));

let codeVersion: string | undefined;

/** This module's code and the fonts' versions: a change to either makes every cached preview stale. */
function previewVersion(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256').update(fontVersion());
  const dir = sourceDir();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort())
    hash.update(name).update(readFileSync(path.join(dir, name)));
  codeVersion = hash.digest('hex').slice(0, 16);
  return codeVersion;
}

/**
 * Previews on disk by a hash of everything that goes into them (text, colours, the cover's bytes,
 * this code, the fonts), so a rebuild renders only the previews of posts that changed.
 */
export class PreviewCache {
  made = 0;

  constructor(readonly dir: string) {}

  keyOf(input: PreviewInput): string {
    const cover = input.cover ? createHash('sha256').update(readFileSync(input.cover)).digest('hex') : '';
    return createHash('sha256')
      .update(previewVersion())
      .update(JSON.stringify({ ...input, cover }))
      .digest('hex');
  }

  /** The file holding the preview, rendered unless the cache has it. */
  async get(input: PreviewInput): Promise<string> {
    const key = this.keyOf(input);
    const file = path.join(this.dir, 'previews', key.slice(0, 2), `${key}.png`);
    if (existsSync(file)) return file;
    const png = await renderPreview(input);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
    this.made += 1;
    return file;
  }
}

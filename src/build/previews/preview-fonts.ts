import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A font face as satori takes it. */
export interface PreviewFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

const require = createRequire(import.meta.url);

/**
 * The packages the preview's text is set in: Noto Sans for Latin, Greek, Cyrillic and Vietnamese,
 * Noto Sans JP for Japanese (and most CJK ideographs). Fontsource splits each into subsets by
 * Unicode range and lists the ranges in `unicode.json`; satori reads WOFF but not WOFF2.
 */
const FAMILIES = [
  { name: 'Noto Sans', package: '@fontsource/noto-sans', file: (subset: string, weight: number) => `noto-sans-${subset}-${weight}-normal.woff` },
  {
    name: 'Noto Sans JP',
    package: '@fontsource/noto-sans-jp',
    file: (subset: string, weight: number) => `noto-sans-jp-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`,
  },
] as const;

interface Subset {
  family: (typeof FAMILIES)[number];
  dir: string;
  name: string;
  ranges: [number, number][];
}

/** `U+0460-052F,U+20B4` as code point ranges. */
const parseRanges = (list: string): [number, number][] =>
  list.split(',').map((range) => {
    const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to!, 16)];
  });

let subsets: Subset[] | undefined;

function allSubsets(): Subset[] {
  subsets ??= FAMILIES.flatMap((family) => {
    const dir = path.dirname(require.resolve(`${family.package}/package.json`));
    const ranges = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    return Object.entries(ranges).map(([name, list]) => ({ family, dir, name, ranges: parseRanges(list) }));
  });
  return subsets;
}

const loaded = new Map<string, PreviewFont>();
/** The same list for the same subsets: satori parses a font list once per list it is given. */
const lists = new Map<string, PreviewFont[]>();

/** The version of the font packages, for the preview cache's key. */
export function fontVersion(): string {
  return FAMILIES.map((family) => (JSON.parse(readFileSync(require.resolve(`${family.package}/package.json`), 'utf8')) as { version: string }).version).join(
    '+',
  );
}

/**
 * The font files that cover `text`, at the weights the preview uses: only the subsets holding its
 * characters are read, so a Japanese title loads a few hundred kilobytes, not all 120 subsets.
 * Latin is always included (the site's name and the date are set in it).
 */
export function fontsFor(text: string, weights: readonly (400 | 700)[] = [400, 700]): PreviewFont[] {
  const codes = new Set([...text].map((char) => char.codePointAt(0)!));
  const wanted = allSubsets().filter(
    (subset) =>
      (subset.family.name === 'Noto Sans' && subset.name === 'latin') ||
      [...codes].some((code) => subset.ranges.some(([from, to]) => code >= from && code <= to)),
  );
  const key = `${weights.join(',')}:${wanted.map((subset) => `${subset.family.name}/${subset.name}`).join(',')}`;
  const known = lists.get(key);
  if (known) return known;
  const list = wanted.flatMap((subset) =>
    weights.map((weight) => {
      const file = path.join(subset.dir, 'files', subset.family.file(subset.name, weight));
      let font = loaded.get(file);
      if (!font) {
        // One name per subset: satori keeps one font per name and weight, and falls back from
        // font to font for characters the first lacks.
        font = { name: `${subset.family.name} ${subset.name}`, data: readFileSync(file), weight, style: 'normal' };
        loaded.set(file, font);
      }
      return font;
    }),
  );
  lists.set(key, list);
  return list;
}

// Pure helpers of `npm run bench`: reading the build's summary line and GNU time's output,
// sorting responses into kinds, and the arithmetic of figures. Kept free of I/O so the unit tests
// in test/scripts/bench-parse.test.ts can pin them with tables.

export interface BuildLine {
  pages: number;
  seconds: number;
  /** Phase name to seconds, in the order the build printed them. */
  phases: Array<{ name: string; seconds: number }>;
  /** What the build says its own peak was, once it says so (`peak 512 MB`). */
  peakMB?: number;
}

/**
 * Parses `Built 1234 pages into out/ in 12.3 s (client and data 4.1 s, ..., pre-render 7.2 s) peak 512 MB`.
 * Phase names are taken as they come because the build's phases are being renamed: any
 * `name 1.2 s` (or `ms`) pair inside the parentheses counts.
 */
export function parseBuildLine(output: string): BuildLine | undefined {
  const line = output.split('\n').find((text) => /^\s*Built \d/.test(text));
  if (!line) return undefined;
  const head = /Built (\d[\d,]*) pages? into .*? in (\d+(?:\.\d+)?) (s|ms)\b/.exec(line);
  if (!head) return undefined;
  const toSeconds = (value: string, unit: string) => (unit === 'ms' ? Number(value) / 1000 : Number(value));
  const result: BuildLine = { pages: Number(head[1]!.replace(/,/g, '')), seconds: toSeconds(head[2]!, head[3]!), phases: [] };
  const inner = /\(([^)]*)\)/.exec(line.slice(head.index + head[0].length));
  for (const part of inner?.[1]?.split(/,\s*/) ?? []) {
    const phase = /^\s*(.+?)\s+(\d+(?:\.\d+)?)\s*(s|ms)\s*$/.exec(part);
    if (phase) result.phases.push({ name: phase[1]!, seconds: toSeconds(phase[2]!, phase[3]!) });
  }
  const peak = /\bpeak\s+(\d+(?:\.\d+)?)\s*(MB|MiB|GB|GiB|kB|KiB)\b/i.exec(line);
  if (peak) {
    const unit = peak[2]!.toLowerCase();
    const factor = unit.startsWith('g') ? 1024 : unit.startsWith('k') ? 1 / 1024 : 1;
    result.peakMB = Number(peak[1]) * factor;
  }
  return result;
}

/** GNU time's `-f '%M'` output (kilobytes), possibly after "Command exited with non-zero status". */
export function parsePeakKB(timeOutput: string): number | undefined {
  const lines = timeOutput.trim().split('\n').reverse();
  for (const line of lines) if (/^\d+$/.test(line.trim())) return Number(line.trim());
  return undefined;
}

export const KINDS = ['html', 'js', 'css', 'json', 'media', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = { html: 'HTML', js: 'JS', css: 'CSS', json: 'data JSON', media: 'fonts/images', other: 'other' };

/** What a response is, from its content type first and its URL's extension when that is vague. */
export function kindOf(url: string, contentType = ''): Kind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url, 'http://x').pathname)?.[1]?.toLowerCase() ?? '';
  if (type === 'text/html' || (!type && (ext === 'html' || ext === ''))) return 'html';
  if (type.includes('javascript') || ['js', 'mjs'].includes(ext)) return 'js';
  if (type === 'text/css' || ext === 'css') return 'css';
  if (
    type.startsWith('image/') ||
    type.startsWith('font/') ||
    ['svg', 'png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'ico', 'woff', 'woff2', 'ttf', 'otf'].includes(ext)
  )
    return 'media';
  if (type.includes('json') || ext === 'json') return 'json';
  return 'other';
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The package a bundled module comes from: `react-dom`, `@tanstack/react-query`, or for the app's
 * own code its folder (`src/search`), so a treemap groups by what one would change or drop.
 */
export function packageOf(moduleId: string, root: string): string {
  const id = moduleId.replace(/^\0/, '').replace(/\?.*$/, '').replace(/\\/g, '/');
  const at = id.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const [first, second] = id.slice(at + '/node_modules/'.length).split('/');
    return first?.startsWith('@') && second ? `${first}/${second}` : (first ?? id);
  }
  if (moduleId.startsWith('\0') || !id.startsWith('/')) return '(virtual)';
  const normalRoot = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (!id.startsWith(normalRoot)) return id;
  const parts = id.slice(normalRoot.length).split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join('/');
}

/** `name: value` pairs of a `_headers` file for one path, the way scripts/serve.mjs applies them. */
export interface HeaderRule {
  pattern: RegExp;
  headers: Record<string, string>;
}

export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      rules.push({ pattern, headers: {} });
    } else if (rules.length > 0) {
      const [name = '', ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) if (rule.pattern.test(pathname)) Object.assign(headers, rule.headers);
  return headers;
}

/** Sizes from `--sizes 1000,10000`, `--sizes=…` or BENCH_SIZES, in that order of precedence. */
export function parseSizes(argv: string[], env: string | undefined, fallback = [1000, 10000]): number[] {
  let text: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--sizes') text = argv[i + 1];
    else if (arg.startsWith('--sizes=')) text = arg.slice('--sizes='.length);
  });
  text ??= env;
  if (text === undefined || text.trim() === '') return fallback;
  const sizes = text.split(',').map((part) => Number(part.replace(/[_\s]/g, '')));
  const bad = sizes.find((size) => !Number.isInteger(size) || size < 1);
  if (bad !== undefined) throw new Error(`bench: sizes must be positive integers, got "${text}"`);
  return [...new Set(sizes)];
}

/** A figure's change against the last run: `+1.2 s (+8%)`, or '' when there is nothing to compare. */
export function change(now: number | undefined, before: number | undefined, format: (value: number) => string): string {
  if (now === undefined || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) return '';
  const delta = now - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const percent = before === 0 ? '' : ` ${sign}${Math.abs((delta / before) * 100).toFixed(0)}%`;
  return `${sign}${format(Math.abs(delta))}${percent}`;
}

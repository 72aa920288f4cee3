// The benchmark's figures, the file that keeps the last ones (scripts/bench/last-figures.json,
// committed, so a change shows in review) and the markdown table that compares the two.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { change } from './parse.ts';

export type Unit = 's' | 'MB' | 'bytes' | 'ms' | 'score' | 'cls' | 'count';

export interface Figure {
  key: string;
  label: string;
  unit: Unit;
  value: number;
}

/** One group of figures measured together, with when and under what load, for the file. */
interface FigureGroup {
  recordedAt: string;
  /** 1, 5 and 15-minute load averages when the group started: the machine is shared. */
  loadAverage: number[];
  figures: Record<string, number>;
}

export interface FiguresFile {
  version: 1;
  /** Build, bytes and search figures per blog size (posts). */
  sizes: Record<string, FigureGroup>;
  lighthouse?: FigureGroup & { posts: number };
  treemap?: FigureGroup & { posts: number };
  /** First-load bytes of the sample post without writing features and with each. */
  writing?: FigureGroup;
}

const EMPTY: FiguresFile = { version: 1, sizes: {} };

export function readFigures(file: string): FiguresFile {
  if (!existsSync(file)) return EMPTY;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as FiguresFile;
    return parsed.version === 1 && parsed.sizes ? parsed : EMPTY;
  } catch (error) {
    // A broken file must not cost the run: compare against nothing and overwrite it.
    console.warn(`bench: ignoring unreadable ${file}: ${(error as Error).message}`);
    return EMPTY;
  }
}

/** Replaces the groups measured now and keeps the others, so a 1,000-post run keeps the 10,000 figures. */
export function writeFigures(file: string, previous: FiguresFile, now: Partial<FiguresFile>): void {
  const merged: FiguresFile = {
    version: 1,
    sizes: { ...previous.sizes, ...now.sizes },
    ...((now.lighthouse ?? previous.lighthouse) ? { lighthouse: now.lighthouse ?? previous.lighthouse } : {}),
    ...((now.treemap ?? previous.treemap) ? { treemap: now.treemap ?? previous.treemap } : {}),
    ...((now.writing ?? previous.writing) ? { writing: now.writing ?? previous.writing } : {}),
  };
  // Three decimals are more than any of these figures can tell apart, and keep the diffs short.
  const text = JSON.stringify(merged, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(3)) : value), 2);
  writeFileSync(file, `${text}\n`);
}

export function format(value: number, unit: Unit): string {
  switch (unit) {
    case 's':
      return `${value.toFixed(1)} s`;
    case 'MB':
      return `${value.toFixed(0)} MB`;
    case 'bytes':
      return `${(value / 1024).toFixed(1)} kB`;
    case 'ms':
      return `${value.toFixed(0)} ms`;
    case 'score':
      return value.toFixed(0);
    case 'cls':
      return value.toFixed(3);
    case 'count':
      return value.toFixed(0);
  }
}

export interface Column {
  title: string;
  figures: Figure[];
  previous: Record<string, number> | undefined;
}

/**
 * One markdown table: a row per figure, for each column its value and its change against the
 * last run. Rows come in the order they were first measured; a column without a figure is blank.
 */
export function table(columns: Column[]): string {
  const rows = new Map<string, { label: string; unit: Unit }>();
  for (const column of columns) for (const figure of column.figures) if (!rows.has(figure.key)) rows.set(figure.key, figure);
  const header = ['figure', ...columns.flatMap((column) => [column.title, 'change'])];
  const lines = [header, header.map((_, i) => (i === 0 ? '---' : '---:'))];
  for (const [key, row] of rows) {
    const cells = [row.label];
    for (const column of columns) {
      const figure = column.figures.find((candidate) => candidate.key === key);
      cells.push(
        figure ? format(figure.value, figure.unit) : '',
        figure ? change(figure.value, column.previous?.[key], (value) => format(value, figure.unit)) : '',
      );
    }
    lines.push(cells);
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

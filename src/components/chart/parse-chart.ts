/**
 * Reads the text of a ```chart fence: an optional `title: ...` line, then CSV whose header names the
 * columns. The first column is the x axis; every other column is a numeric series. Pure and total:
 * malformed input comes back as `{ ok: false, error }`, never as an exception.
 */

/** One numeric column; `null` where the cell was left empty, which the chart draws as a gap. */
interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** The cells as written, for the data table. */
  cells: string[];
}

export interface ChartData {
  title?: string;
  /** The first header cell, which labels the x axis. */
  xLabel: string;
  /** The first column as written. */
  x: string[];
  /** The first column as numbers when every cell is one (a linear axis); otherwise the axis is categorical. */
  xNumbers?: number[];
  series: ChartSeries[];
}

export type ChartParseResult = { ok: true; chart: ChartData } | { ok: false; error: string };

/** More series than this cannot be told apart by colour, dash and marker. */
export const MAX_SERIES = 6;
/** A post's chart is a figure, not a dataset; beyond this the SVG gets heavy and unreadable. */
const MAX_ROWS = 1000;

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const TITLE = /^title\s*:(.*)$/i;

/** A number as authors write one in CSV (`12`, `-0.5`, `1e6`), else undefined. */
export function parseNumber(cell: string): number | undefined {
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Splits one CSV line into trimmed cells; double quotes may wrap a cell, `""` inside one is a quote. */
export function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === ',') {
      cells.push(wasQuoted ? cell : cell.trim());
      cell = '';
      wasQuoted = false;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else {
      cell += char;
    }
  }
  if (quoted) return undefined;
  cells.push(wasQuoted ? cell : cell.trim());
  return cells;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Parses a chart fence's text. Error messages name the line (counted from the fence's first line). */
export function parseChart(source: string): ChartParseResult {
  const fail = (error: string): ChartParseResult => ({ ok: false, error });
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((text, index) => ({ text: text.trim(), line: index + 1 }))
    .filter(({ text }) => text !== '');

  let title: string | undefined;
  const titleMatch = lines[0] && TITLE.exec(lines[0].text);
  if (titleMatch) {
    title = titleMatch[1]!.trim() || undefined;
    lines.shift();
  }

  const [header, ...rows] = lines;
  if (!header) return fail('expected a CSV header row such as "time,p50,p99", got no data');

  const names = splitCsvLine(header.text);
  if (!names) return fail(`line ${header.line}: a quote is not closed`);
  if (names.length < 2) return fail(`line ${header.line}: expected a header naming the x column and at least one series, got one column`);
  const unnamed = names.findIndex((name) => name === '');
  if (unnamed !== -1) return fail(`line ${header.line}: column ${unnamed + 1} has no name`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return fail(`line ${header.line}: column "${name}" appears twice`);
    seen.add(name);
  }
  if (names.length - 1 > MAX_SERIES) return fail(`line ${header.line}: expected at most ${MAX_SERIES} series, got ${names.length - 1}`);

  if (rows.length < 2) return fail(`expected at least 2 data rows, got ${rows.length}`);
  if (rows.length > MAX_ROWS) return fail(`expected at most ${MAX_ROWS} data rows, got ${rows.length}`);

  const x: string[] = [];
  const series: ChartSeries[] = names.slice(1).map((name) => ({ name, values: [], cells: [] }));
  for (const row of rows) {
    const cells = splitCsvLine(row.text);
    if (!cells) return fail(`line ${row.line}: a quote is not closed`);
    if (cells.length !== names.length) {
      return fail(`line ${row.line}: expected ${plural(names.length, 'value', 'values')} like the header, got ${cells.length}`);
    }
    const [first, ...rest] = cells as [string, ...string[]];
    if (first === '') return fail(`line ${row.line}: the "${names[0]}" value is empty`);
    x.push(first);
    for (const [index, cell] of rest.entries()) {
      const target = series[index]!;
      const value = cell === '' ? null : parseNumber(cell);
      if (value === undefined) return fail(`line ${row.line}: expected a number for "${target.name}", got "${cell}"`);
      target.values.push(value);
      target.cells.push(cell);
    }
  }

  const empty = series.find((item) => item.values.every((value) => value === null));
  if (empty) return fail(`column "${empty.name}" has no numbers`);

  const chart: ChartData = { title, xLabel: names[0]!, x, series };
  const xNumbers = x.map(parseNumber);
  if (xNumbers.every((value): value is number => value !== undefined)) chart.xNumbers = xNumbers;
  return { ok: true, chart };
}

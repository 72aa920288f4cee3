import type { ChartData } from './parse-chart.ts';
import { formatTicks, formatValue, niceTicks } from './scale.ts';

/**
 * Where everything in the chart goes, as fractions of the plot (0 to 1), not pixels. The SVG places
 * them with percentages and draws text at its real size, so the chart fills any column width with
 * legible labels, and the server and browser render it identically without measuring anything.
 */

/** Approximate advance of one tick-label character at the chart's 12px label size. */
const CHAR_WIDTH = 7;
const MAX_LABEL_CHARS = 14;
/** Beyond this many rows the point markers would merge into the line. */
const MAX_MARKED_ROWS = 40;
/**
 * Plot widths the x labels are thinned for: a phone's column, and a column at least 36rem wide
 * (`reading.css` switches between the two sets with a container query).
 */
const NARROW_PLOT = 260;
const WIDE_PLOT = 560;

export interface XTick {
  label: string;
  /** Fraction of the plot's width from the left. */
  at: number;
  /** Shown in narrow columns, in wide ones, or both. */
  narrow: boolean;
  wide: boolean;
}

interface YTick {
  label: string;
  /** Fraction of the plot's height from the top. */
  at: number;
}

interface SeriesGeometry {
  name: string;
  /** One `M…L…` run per stretch of values without gaps, in a 1000 by 1000 box. */
  path: string;
  /** Point positions as fractions of the plot, with a tooltip label. */
  points: { x: number; y: number; label: string }[];
}

export interface ChartGeometry {
  /** Pixels to the left of the plot for the y tick labels. */
  gutter: number;
  xTicks: XTick[];
  yTicks: YTick[];
  /** The y axis is labelled only when one series makes its meaning unambiguous; the legend names the rest. */
  yLabel?: string;
  series: SeriesGeometry[];
  showMarkers: boolean;
}

/** Fractions are kept to 1/10000: plenty for a screen, and short, stable text in the markup. */
const fraction = (value: number) => Number(value.toFixed(4));
const shorten = (label: string) => (label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label);

function extent(values: number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** Every `k`-th category label, starting with the first, so neighbours never overlap at `plotWidth`. */
function everyNth(labels: string[], plotWidth: number): Set<number> {
  const longest = Math.max(...labels.map((label) => label.length));
  const gap = plotWidth / Math.max(1, labels.length - 1);
  const every = Math.max(1, Math.ceil((longest * CHAR_WIDTH + 12) / gap));
  return new Set(labels.map((_, index) => index).filter((index) => index % every === 0));
}

/** Round steps (1, 2 or 5 times a power of ten) from about the whole span down to a hundredth of it. */
function roundSteps(span: number): number[] {
  const steps: number[] = [];
  for (let power = 10 ** Math.ceil(Math.log10(span)); steps.length < 10; power /= 10) {
    for (const multiple of [5, 2, 1]) if (multiple * power <= span) steps.push(multiple * power);
  }
  return steps;
}

/**
 * Round values inside [low, high] for a plot `plotWidth` pixels wide: the sparsest round step that
 * labels the axis at least `wanted` times without neighbouring labels touching, else the densest
 * step that still fits. Steps are not chosen by count over the whole nice range, because a range
 * like 1..18 then gets a step of 10 and shows a single label.
 */
function pickNumericTicks(low: number, high: number, plotWidth: number, wanted: number) {
  const candidates = roundSteps(high - low).map((step) => {
    const first = Math.ceil(low / step - 1e-9);
    const last = Math.floor(high / step + 1e-9);
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const values: number[] = [];
    for (let i = first; i <= last; i++) values.push(Number((i * step).toFixed(decimals)));
    const labels = formatTicks({ values, step });
    const widest = Math.max(...labels.map((label) => label.length)) * CHAR_WIDTH;
    const fits = (step / (high - low)) * plotWidth >= widest + 12;
    return { values, labels, fits };
  });
  const fitting = candidates.filter((candidate) => candidate.fits && candidate.values.length > 0);
  const chosen = fitting.find((candidate) => candidate.values.length >= wanted) ?? fitting.at(-1) ?? candidates[0]!;
  return chosen.values.map((value, index) => ({ value, label: chosen.labels[index]! }));
}

function numericXTicks(low: number, high: number, span: (value: number) => number): XTick[] {
  const narrow = pickNumericTicks(low, high, NARROW_PLOT, 3);
  const wide = pickNumericTicks(low, high, WIDE_PLOT, 5);
  const byValue = new Map<number, XTick>();
  for (const { value, label } of narrow) byValue.set(value, { label, at: fraction(span(value)), narrow: true, wide: false });
  for (const { value, label } of wide) {
    const tick = byValue.get(value);
    if (tick) tick.wide = true;
    else byValue.set(value, { label, at: fraction(span(value)), narrow: false, wide: true });
  }
  return [...byValue.values()].sort((a, b) => a.at - b.at);
}

/** Computes every position the chart draws, so the component is a plain mapping from numbers to SVG. */
export function layoutChart(chart: ChartData): ChartGeometry {
  const values = chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const [yMin, yMax] = extent(values);
  const yTickSet = niceTicks(yMin, yMax, 4);
  const yLabels = formatTicks(yTickSet);
  const yLow = yTickSet.values[0]!;
  const yHigh = yTickSet.values.at(-1)!;
  const toY = (value: number) => 1 - (value - yLow) / (yHigh - yLow);

  const numericX = chart.xNumbers;
  let toX: (index: number) => number;
  let xTicks: XTick[];
  if (numericX) {
    const [low, high] = extent(numericX);
    const span = (value: number) => (high === low ? 0.5 : (value - low) / (high - low));
    toX = (index) => span(numericX[index]!);
    xTicks = high === low ? [{ label: chart.x[0]!, at: 0.5, narrow: true, wide: true }] : numericXTicks(low, high, span);
  } else {
    const last = chart.x.length - 1;
    toX = (index) => index / last;
    const labels = chart.x.map(shorten);
    const narrow = everyNth(labels, NARROW_PLOT);
    const wide = everyNth(labels, WIDE_PLOT);
    xTicks = labels
      .map((label, index) => ({ label, at: fraction(toX(index)), narrow: narrow.has(index), wide: wide.has(index) }))
      .filter((tick) => tick.narrow || tick.wide);
  }

  const series = chart.series.map((item) => {
    const runs: string[] = [];
    let run = '';
    const points: SeriesGeometry['points'] = [];
    item.values.forEach((value, index) => {
      if (value === null) {
        if (run) runs.push(run);
        run = '';
        return;
      }
      const x = fraction(toX(index));
      const y = fraction(toY(value));
      run += `${run ? 'L' : 'M'}${Number((x * 1000).toFixed(1))} ${Number((y * 1000).toFixed(1))}`;
      points.push({ x, y, label: `${item.name} at ${chart.x[index]}: ${item.cells[index]}` });
    });
    if (run) runs.push(run);
    return { name: item.name, path: runs.join(''), points };
  });

  return {
    gutter: Math.max(...yLabels.map((label) => label.length)) * CHAR_WIDTH + 12,
    xTicks,
    yTicks: yTickSet.values.map((value, index) => ({ label: yLabels[index]!, at: fraction(toY(value)) })),
    yLabel: chart.series.length === 1 ? chart.series[0]!.name : undefined,
    series,
    showMarkers: chart.x.length <= MAX_MARKED_ROWS,
  };
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** What the chart shows, in a phrase: "Line chart of p50 and p99 by time". */
export function chartName(chart: ChartData): string {
  return `Line chart of ${list(chart.series.map((series) => series.name))} by ${chart.xLabel}`;
}

/** A sentence or two a screen reader can speak in place of the picture. */
export function describeChart(chart: ChartData): string {
  const first = chart.x[0];
  const last = chart.x.at(-1);
  const ranges = chart.series.map((series) => {
    const [low, high] = extent(series.values.filter((value): value is number => value !== null));
    return `${series.name} ranges from ${formatValue(low)} to ${formatValue(high)}`;
  });
  return `${chartName(chart)}, ${chart.x.length} points from ${first} to ${last}. ${ranges.join('; ')}.`;
}

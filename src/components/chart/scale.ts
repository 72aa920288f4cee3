/**
 * Axis arithmetic for the chart: "nice" tick values and their labels. Formatting is deliberately
 * locale-free so the server and the browser print the same text and hydration never disagrees.
 */

export interface Ticks {
  /** Tick values from the first at or below the data to the first at or above it. */
  values: number[];
  step: number;
}

/** A step of 1, 2 or 5 times a power of ten giving roughly `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** Round ticks that cover [min, max] in about `count` intervals; a flat range is widened around its value. */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const decimals = decimalsOf(step);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(Number((i * step).toFixed(decimals)));
  return { values, step };
}

/** From ten thousand up, labels drop zeros for a suffix: 25000 reads 25k. */
const UNITS = [
  { from: 1e9, divisor: 1e9, suffix: 'G' },
  { from: 1e6, divisor: 1e6, suffix: 'M' },
  { from: 1e4, divisor: 1e3, suffix: 'k' },
] as const;

/** Labels for a set of ticks: as many decimals as the step needs, large values shortened to k, M, G. */
export function formatTicks({ values, step }: Ticks): string[] {
  const largest = Math.max(...values.map(Math.abs));
  const unit = UNITS.find((candidate) => largest >= candidate.from);
  const divisor = unit?.divisor ?? 1;
  const decimals = decimalsOf(step / divisor);
  return values.map((value) => `${(value / divisor).toFixed(decimals).replace(/^-(?=0(?:\.0+)?$)/, '')}${unit?.suffix ?? ''}`);
}

/** A number for prose (the chart's description): at most six significant digits, no locale. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}

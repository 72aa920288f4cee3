import { describe, expect, it } from 'vitest';
import { layoutChart } from '../../src/components/chart/chart-layout';
import { parseChart } from '../../src/components/chart/parse-chart';

const chartOf = (source: string) => {
  const result = parseChart(source);
  if (!result.ok) throw new Error(result.error);
  return result.chart;
};

const numericChart = (xs: number[]) => chartOf(`x,y\n${xs.map((x, i) => `${x},${i}`).join('\n')}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const labels = (chart: ReturnType<typeof chartOf>, set: 'narrow' | 'wide') =>
  layoutChart(chart)
    .xTicks.filter((tick) => tick[set])
    .map((tick) => tick.label);

/** Narrowest plot a phone gives the chart (375 px window), and an average label's advance. */
const PHONE_PLOT = 260;
const CHAR = 7;

describe('x tick choice', () => {
  it('labels a phone-width axis of days 1 to 18 more than once', () => {
    // Round steps of 10 leave only "10" inside 1..18; the reader could not tell the scale.
    const chart = numericChart(range(1, 18));
    expect(labels(chart, 'narrow')).toEqual(['5', '10', '15']);
    expect(labels(chart, 'wide').length).toBeGreaterThan(3);
  });

  it.each([
    ['1 to 18', range(1, 18)],
    ['6 to 18', range(6, 18)],
    ['0 to 20', range(0, 20)],
    ['3 to 97', [3, 40, 97]],
    ['1990 to 2024', range(1990, 2024)],
    ['0.12 to 0.91', [0.12, 0.5, 0.91]],
    ['-7 to 12', range(-7, 12)],
  ])('gives %s at least two labels on a phone, none overlapping', (_, xs) => {
    const chart = numericChart(xs);
    const ticks = layoutChart(chart).xTicks.filter((tick) => tick.narrow);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < ticks.length; i++) {
      const room = (ticks[i]!.at - ticks[i - 1]!.at) * PHONE_PLOT;
      const needed = ((ticks[i]!.label.length + ticks[i - 1]!.label.length) / 2) * CHAR;
      expect(room).toBeGreaterThan(needed);
    }
  });

  it('keeps wide-column labels within the range of the data', () => {
    const chart = numericChart(range(1, 18));
    for (const label of labels(chart, 'wide')) {
      const value = Number(label);
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(18);
    }
  });
});

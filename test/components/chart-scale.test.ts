import { describe, expect, it } from 'vitest';
import { chartName, describeChart, layoutChart } from '../../src/components/chart/chart-layout';
import { parseChart } from '../../src/components/chart/parse-chart';
import { formatTicks, niceTicks } from '../../src/components/chart/scale';

const chartOf = (source: string) => {
  const result = parseChart(source);
  if (!result.ok) throw new Error(result.error);
  return result.chart;
};

describe('niceTicks and formatTicks', () => {
  it.each([
    { min: 3, max: 120, count: 5, values: [0, 50, 100, 150], labels: ['0', '50', '100', '150'] },
    { min: 0, max: 1, count: 5, values: [0, 0.2, 0.4, 0.6, 0.8, 1], labels: ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'] },
    { min: -0.3, max: 0.3, count: 3, values: [-0.4, -0.2, 0, 0.2, 0.4], labels: ['-0.4', '-0.2', '0.0', '0.2', '0.4'] },
    { min: 12000, max: 48000, count: 4, values: [10000, 20000, 30000, 40000, 50000], labels: ['10k', '20k', '30k', '40k', '50k'] },
    { min: 1.5e6, max: 2.5e6, count: 2, values: [1.5e6, 2e6, 2.5e6], labels: ['1.5M', '2.0M', '2.5M'] },
    { min: 5, max: 5, count: 2, values: [4.5, 5, 5.5], labels: ['4.5', '5.0', '5.5'] },
    { min: 0, max: 0, count: 5, values: [-1, -0.5, 0, 0.5, 1], labels: ['-1.0', '-0.5', '0.0', '0.5', '1.0'] },
  ])('covers $min to $max with $labels', ({ min, max, count, values, labels }) => {
    const ticks = niceTicks(min, max, count);
    expect(ticks.values).toEqual(values);
    expect(formatTicks(ticks)).toEqual(labels);
  });
});

describe('layoutChart', () => {
  it('spans the plot with the first and last rows and puts higher values higher', () => {
    const geometry = layoutChart(chartOf('t,a\n0,1\n5,3\n10,2'));
    const [first, second, third] = geometry.series[0]!.points;
    expect(first!.x).toBe(0);
    expect(second!.x).toBe(0.5);
    expect(third!.x).toBe(1);
    expect(second!.y).toBeLessThan(third!.y);
    expect(geometry.series[0]!.path).toMatch(/^M0 \d+(\.\d)?L500 \d+(\.\d)?L1000 \d+(\.\d)?$/);
    expect(geometry.yLabel).toBe('a');
  });

  it('puts y ticks from the bottom of the plot to the top', () => {
    const geometry = layoutChart(chartOf('t,a\n0,3\n1,120'));
    expect(geometry.yTicks.map((tick) => [tick.label, tick.at])).toEqual([
      ['0', 1],
      ['50', 0.6667],
      ['100', 0.3333],
      ['150', 0],
    ]);
  });

  it('breaks the line at an empty cell', () => {
    const geometry = layoutChart(chartOf('t,a\n0,1\n1,2\n2,\n3,4\n4,5'));
    expect(geometry.series[0]!.path.match(/M/g)).toHaveLength(2);
    expect(geometry.series[0]!.points).toHaveLength(4);
  });

  it('gives numeric x axes fewer ticks in narrow columns than in wide ones', () => {
    const geometry = layoutChart(chartOf(`x,y\n${Array.from({ length: 21 }, (_, i) => `${i},${i}`).join('\n')}`));
    const narrow = geometry.xTicks.filter((tick) => tick.narrow).map((tick) => tick.label);
    const wide = geometry.xTicks.filter((tick) => tick.wide).map((tick) => tick.label);
    expect(narrow).toEqual(['0', '10', '20']);
    expect(wide).toEqual(['0', '5', '10', '15', '20']);
  });

  it('thins out crowded category labels, keeping the first, and leaves the y axis unlabelled for several series', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i},${i * 2}`).join('\n');
    const geometry = layoutChart(chartOf(`day,a,b\n${rows}`));
    const narrow = geometry.xTicks.filter((tick) => tick.narrow);
    const wide = geometry.xTicks.filter((tick) => tick.wide);
    expect(narrow.length).toBeLessThan(wide.length);
    expect(wide.length).toBeLessThan(30);
    expect(narrow[0]).toMatchObject({ label: '2024-01-01', at: 0 });
    expect(geometry.yLabel).toBeUndefined();
  });

  it('describes the chart in words', () => {
    const chart = chartOf('title: Latency\ntime,p50,p99\n0,3,40\n10,4,120');
    expect(chartName(chart)).toBe('Line chart of p50 and p99 by time');
    expect(describeChart(chart)).toBe('Line chart of p50 and p99 by time, 2 points from 0 to 10. p50 ranges from 3 to 4; p99 ranges from 40 to 120.');
  });
});

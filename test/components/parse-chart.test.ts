import { describe, expect, it } from 'vitest';
import { MAX_SERIES, parseChart, parseNumber, splitCsvLine } from '../../src/components/chart/parse-chart';

describe('parseChart', () => {
  const valid: { name: string; source: string; expected: unknown }[] = [
    {
      name: 'a title line, then a header and numeric rows',
      source: 'title: Latency under load\ntime,p50,p99\n0,3,40\n10,4,55\n',
      expected: {
        title: 'Latency under load',
        xLabel: 'time',
        x: ['0', '10'],
        xNumbers: [0, 10],
        series: [
          { name: 'p50', values: [3, 4], cells: ['3', '4'] },
          { name: 'p99', values: [40, 55], cells: ['40', '55'] },
        ],
      },
    },
    {
      name: 'no title; text in the first column makes a categorical axis',
      source: 'day,requests\nMon,120\nTue,98.5',
      expected: { title: undefined, xLabel: 'day', x: ['Mon', 'Tue'], series: [{ name: 'requests', values: [120, 98.5], cells: ['120', '98.5'] }] },
    },
    {
      name: 'blank lines, CRLF endings and spaces around cells are ignored',
      source: '\r\n  x , y \r\n\r\n1, -2\r\n2 ,1e3\r\n',
      expected: { title: undefined, xLabel: 'x', x: ['1', '2'], xNumbers: [1, 2], series: [{ name: 'y', values: [-2, 1000], cells: ['-2', '1e3'] }] },
    },
    {
      name: 'quoted cells may hold commas and quotes',
      source: 'release,"rps, median"\n"v1, ""beta""",10\nv2,12',
      expected: {
        title: undefined,
        xLabel: 'release',
        x: ['v1, "beta"', 'v2'],
        series: [{ name: 'rps, median', values: [10, 12], cells: ['10', '12'] }],
      },
    },
    {
      name: 'an empty cell is a gap',
      source: 'x,a,b\n1,2,\n2,,5\n3,4,6',
      expected: {
        title: undefined,
        xLabel: 'x',
        x: ['1', '2', '3'],
        xNumbers: [1, 2, 3],
        series: [
          { name: 'a', values: [2, null, 4], cells: ['2', '', '4'] },
          { name: 'b', values: [null, 5, 6], cells: ['', '5', '6'] },
        ],
      },
    },
    {
      name: 'an empty title is no title',
      source: 'Title:\nx,y\n1,2\n2,3',
      expected: { title: undefined, xLabel: 'x', x: ['1', '2'], xNumbers: [1, 2], series: [{ name: 'y', values: [2, 3], cells: ['2', '3'] }] },
    },
  ];

  it.each(valid)('reads $name', ({ source, expected }) => {
    expect(parseChart(source)).toEqual({ ok: true, chart: expected });
  });

  const invalid: { name: string; source: string; error: string }[] = [
    { name: 'nothing at all', source: '', error: 'expected a CSV header row such as "time,p50,p99", got no data' },
    { name: 'only a title', source: 'title: Empty\n', error: 'got no data' },
    { name: 'a header with one column', source: 'x\n1\n2', error: 'line 1: expected a header naming the x column and at least one series, got one column' },
    { name: 'an unnamed column', source: 'x,,y\n1,2,3\n2,3,4', error: 'line 1: column 2 has no name' },
    { name: 'a repeated column', source: 'x,y,y\n1,2,3\n2,3,4', error: 'line 1: column "y" appears twice' },
    {
      name: 'too many series',
      source: `x,${Array.from({ length: MAX_SERIES + 1 }, (_, i) => `s${i}`).join(',')}\n1\n2`,
      error: `expected at most ${MAX_SERIES} series`,
    },
    { name: 'a single data row', source: 'x,y\n1,2', error: 'expected at least 2 data rows, got 1' },
    { name: 'a short row', source: 'title: T\nx,a,b\n1,2,3\n2,3', error: 'line 4: expected 3 values like the header, got 2' },
    { name: 'a long row', source: 'x,a\n1,2\n2,3,4', error: 'line 3: expected 2 values like the header, got 3' },
    { name: 'a word where a number belongs', source: 'x,p99\n1,2\n2,fast', error: 'line 3: expected a number for "p99", got "fast"' },
    { name: 'a number with a unit', source: 'x,p99\n1,2ms\n2,3', error: 'line 2: expected a number for "p99", got "2ms"' },
    { name: 'an empty x value', source: 'x,y\n,2\n2,3', error: 'line 2: the "x" value is empty' },
    { name: 'an unclosed quote', source: 'x,y\n"1,2\n2,3', error: 'line 2: a quote is not closed' },
    { name: 'a series with no numbers', source: 'x,a,b\n1,2,\n2,3,', error: 'column "b" has no numbers' },
    { name: 'a number too large to represent', source: 'x,y\n1,1e400\n2,3', error: 'line 2: expected a number for "y", got "1e400"' },
  ];

  it.each(invalid)('rejects $name', ({ source, error }) => {
    const result = parseChart(source);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(error);
  });

  it('never throws, whatever the text', () => {
    for (const source of ['"', ',,,', '\n\n\n', 'title:', 'a,b\n"x""', 'x,y\n1,2\n2,NaN', 'x,y\n1,Infinity\n2,3']) {
      expect(() => parseChart(source)).not.toThrow();
    }
  });
});

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['+3', 3],
    ['.25', 0.25],
    ['1E-3', 0.001],
    ['1,000', undefined],
    ['0x10', undefined],
    ['NaN', undefined],
    ['', undefined],
  ])('reads %j as %j', (cell, value) => {
    expect(parseNumber(cell)).toBe(value);
  });
});

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    [' a , b ', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['a,,b', ['a', '', 'b']],
    ['"open', undefined],
  ])('splits %j', (line, cells) => {
    expect(splitCsvLine(line)).toEqual(cells);
  });
});

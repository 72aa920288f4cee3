import type { ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { lineText, splitLines } from '../../src/markdown/code-lines';
import { sessionLines } from '../../src/markdown/code-meta';

const text = (value: string): ElementContent => ({ type: 'text', value });
const span = (className: string, ...children: ElementContent[]): ElementContent => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children,
});

describe('splitLines', () => {
  it.each<[string, ElementContent[], string[], number]>([
    ['plain text', [text('a\nb\n')], ['a', 'b', ''], 0],
    ['a span within a line', [text('x = '), span('n', text('1')), text('\ny')], ['x = 1', 'y'], 1],
    ['a span over three lines', [span('s', text('"a\nb\nc"')), text('\n')], ['"a', 'b', 'c"', ''], 3],
    ['nested spans over lines', [span('o', text('('), span('i', text('a\nb')), text(')'))], ['(a', 'b)'], 4],
    ['empty lines inside a span', [span('c', text('/*\n\n*/'))], ['/*', '', '*/'], 2],
  ])('%s', (_name, nodes, texts, spans) => {
    const lines = splitLines(nodes);
    expect(lines.map(lineText)).toEqual(texts);
    const count = (list: ElementContent[]): number => list.reduce((sum, node) => sum + (node.type === 'element' ? 1 + count(node.children) : 0), 0);
    expect(lines.reduce((sum, line) => sum + count(line), 0)).toBe(spans);
    // No line's markup holds a newline: each is one line.
    expect(lines.every((line) => !lineText(line).includes('\n'))).toBe(true);
  });

  it('copies the spans, leaving the input as it was', () => {
    const input = [span('s', text('a\nb'))];
    const before = JSON.stringify(input);
    const [first, second] = splitLines(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(first![0]).not.toBe(second![0]);
  });
});

describe('sessionLines', () => {
  it.each<[string, string[], ('prompt' | 'continued' | undefined)[]]>([
    ['a command and output', ['$ ls', 'a', 'b'], ['prompt', undefined, undefined]],
    ['a bare prompt', ['$', '#'], ['prompt', 'prompt']],
    ['root', ['# id', 'uid=0'], ['prompt', undefined]],
    ['a backslash continuation', ['$ a \\', '  b \\', '  c', 'out'], ['prompt', 'continued', 'continued', undefined]],
    ['PS2 lines', ['$ echo "a', '> b"', 'a b'], ['prompt', 'prompt', undefined]],
    ['> after output', ['out', '> x'], [undefined, undefined]],
    ['no space after the sign', ['$HOME', '#comment'], [undefined, undefined]],
  ])('%s', (_name, lines, kinds) => {
    expect(sessionLines(lines)).toEqual(kinds);
  });
});

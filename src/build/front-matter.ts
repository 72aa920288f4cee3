import { LineCounter, isMap, parseDocument } from 'yaml';
import type { ContentProblem } from './problems.ts';

/** Aliases allowed in one front matter block; a "billion laughs" file hits this long before memory runs out. */
const MAX_ALIASES = 50;

export interface FrontMatterBlock extends YamlMapping {
  /** The markdown after the closing `---`, with line endings normalised to `\n`. */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
}

export interface YamlMapping {
  /** Plain data; `__proto__` keys stay own properties, never prototypes. */
  data: Record<string, unknown>;
  /** Line and column in the file of the value at `path`, or of the mapping's first line when absent. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export type FrontMatterResult = { ok: true; block: FrontMatterBlock } | { ok: false; problems: ContentProblem[] };

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits a markdown file into its YAML front matter and body, and parses the YAML safely. */
export function readFrontMatter(source: string, file: string): FrontMatterResult {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const problem = (line: number, column: number, message: string, field = 'front matter'): FrontMatterResult => ({
    ok: false,
    problems: [{ file, line, column, field, message }],
  });
  if (!FENCE.test(lines[0] ?? '')) {
    return problem(1, 1, `expected the file to start with a --- line, got ${JSON.stringify((lines[0] ?? '').slice(0, 40))}`);
  }
  const end = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (end === -1) return problem(1, 1, 'expected a closing --- line, got the end of the file');

  const parsed = parseYamlMapping(lines.slice(1, end).join('\n'), file, 2);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    block: {
      ...parsed.mapping,
      body: lines.slice(end + 1).join('\n'),
      bodyLine: end + 2,
    },
  };
}

/**
 * Parses YAML that must be a mapping, safely: the core schema only (no custom tags such as
 * `!!js/function`), unique keys, bounded alias expansion. `firstLine` is the file line it starts on.
 */
export function parseYamlMapping(
  text: string,
  file: string,
  firstLine: number,
): { ok: true; mapping: YamlMapping } | { ok: false; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true, customTags: [] });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const fail = (at: { line: number; column: number }, message: string) => ({
    ok: false as const,
    problems: [{ file, ...at, field: 'front matter', message }],
  });
  const yamlProblems = [...doc.errors, ...doc.warnings].map(
    (error): ContentProblem => ({
      file,
      ...position(error.pos[0]),
      field: 'front matter',
      message: error.message.split('\n')[0] ?? error.code,
    }),
  );
  if (yamlProblems.length > 0) return { ok: false, problems: yamlProblems };
  const start = { line: firstLine, column: 1 };
  if (!isMap(doc.contents)) {
    const what = doc.contents === null ? 'nothing' : 'a single value or a list';
    return fail(start, `expected fields like "title: My post", got ${what}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return fail(start, `expected plain data, got too many aliases (${(error as Error).message})`);
  }
  return {
    ok: true,
    mapping: {
      data: data as Record<string, unknown>,
      locate(path) {
        const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
        return node?.range ? position(node.range[0]) : { line: firstLine, column: 1 };
      },
    },
  };
}

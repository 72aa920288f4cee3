import { type Document, LineCounter, type YAMLError, isAlias, isCollection, isMap, isPair, parseDocument, visit } from 'yaml';
import type { ContentProblem } from './problems.ts';

/** Aliases allowed in one front matter block; a "billion laughs" file hits this long before memory runs out. */
const MAX_ALIASES = 50;

interface FrontMatterBlock extends YamlMapping {
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
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
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

/** `tag:yaml.org,2002:js/function` as the author wrote it, `!!js/function`. */
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');

/** The key starting at `offset`, as written: the error's range covers only its first character. */
const key = (text: string, offset: number) => (/^[^\n:]*/.exec(text.slice(offset))?.[0] ?? '').trim();

/** The YAML library's message, reworded where it helps, in the "expected X, got Y" shape of the other problems. */
function yamlMessage(error: YAMLError, text: string): string {
  const message = error.message.split('\n')[0] ?? error.code;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `expected each field once, got ${JSON.stringify(key(text, error.pos[0]))} again`;
    case 'TAG_RESOLVE_FAILED':
      return `expected plain values (text, numbers, true/false, lists), got the tag ${shortTag(message.replace(/^Unresolved tag: /, ''))}`;
    case 'TAB_AS_INDENT':
      return 'expected spaces for indentation, got a tab';
    case 'RESOURCE_EXHAUSTION':
      return `expected front matter nested a few levels deep, got nesting too deep to read (${message})`;
    default:
      return `expected valid YAML, got an error: ${message}`;
  }
}

/** The first alias whose anchor is not defined before it, which `toJS` would throw on. */
function unresolvedAlias(doc: Document): { source: string; offset: number } | undefined {
  let found: { source: string; offset: number } | undefined;
  // One pass in document order; `Alias.resolve` would search the document again for every alias.
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = { source: node.source, offset: node.range?.[0] ?? 0 };
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
      return undefined;
    },
  });
  return found;
}

/** The first key that is a list or mapping, which plain data cannot hold. */
function collectionKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && (isCollection(pair.key) || isAlias(pair.key))) {
        found = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Parses YAML that must be a mapping, safely: the core schema only (no custom tags such as
 * `!!js/function`), unique keys, bounded alias expansion, bounded nesting. `firstLine` is the
 * file line it starts on. Never throws: every failure is a positioned problem.
 */
export function parseYamlMapping(
  text: string,
  file: string,
  firstLine: number,
): { ok: true; mapping: YamlMapping } | { ok: false; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const start = { line: firstLine, column: 1 };
  const fail = (at: { line: number; column: number }, message: string) => ({
    ok: false as const,
    problems: [{ file, ...at, field: 'front matter', message }],
  });
  try {
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true, customTags: [] });
    const yamlProblems = [...doc.errors, ...doc.warnings].map((error): ContentProblem => ({
      file,
      ...position(error.pos[0]),
      field: 'front matter',
      message: yamlMessage(error, text),
    }));
    if (yamlProblems.length > 0) return { ok: false, problems: yamlProblems };
    if (!isMap(doc.contents)) {
      const what = doc.contents === null ? 'nothing' : 'a single value or a list';
      return fail(start, `expected fields like "title: My post", got ${what}`);
    }
    const alias = unresolvedAlias(doc);
    if (alias) return fail(position(alias.offset), `expected an anchor &${alias.source} before the alias *${alias.source}, got none`);
    const key = collectionKey(doc);
    if (key !== undefined) return fail(position(key), 'expected a name as the key, got a list, mapping or alias');

    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      if (error instanceof RangeError) throw error;
      return fail(start, `expected plain data, got aliases that expand too far (${(error as Error).message}); at most ${MAX_ALIASES} are allowed`);
    }
    return {
      ok: true,
      mapping: {
        data: data as Record<string, unknown>,
        locate(path) {
          const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
          return node?.range ? position(node.range[0]) : start;
        },
      },
    };
  } catch (error) {
    // The YAML library recurses per level of nesting; a stack overflow anywhere in it lands here.
    if (error instanceof RangeError) return fail(start, `expected front matter nested a few levels deep, got nesting too deep to read (${error.message})`);
    throw error;
  }
}

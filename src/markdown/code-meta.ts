import type { Root as MdastRoot } from 'mdast';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { lineText, splitLines } from './code-lines.ts';
import { codeLanguage } from './highlight.ts';

/** What a fence's info string says after its language: ```` ```go title="main.go" {2-3} showLineNumbers ````. */
export interface FenceMeta {
  title?: string;
  /** Line numbers (1-based) to highlight. */
  highlight: Set<number>;
  lineNumbers: boolean;
}

/** A problem with a fence's meta string, for the build to report at the fence's line. */
export class FenceMetaError extends Error {}

/** The most lines a range may name: `{1-99999999}` must not make a set of a hundred million. */
const MAX_RANGE = 10_000;

const TOKEN = /(\w+)=("([^"]*)"|'([^']*)'|(\S+))|\{([^}]*)\}|(\S+)/g;

/**
 * Reads a fence's meta string. Unknown words are ignored (other tools put their own options
 * there), but a malformed line range is an error: the author meant something by it.
 */
export function parseFenceMeta(meta: string | undefined): FenceMeta {
  const result: FenceMeta = { highlight: new Set(), lineNumbers: false };
  for (const match of (meta ?? '').matchAll(TOKEN)) {
    const [, key, , double, single, bare, ranges, word] = match;
    if (key === 'title') result.title = double ?? single ?? bare;
    else if (ranges !== undefined) {
      for (const range of ranges
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const bounds = /^(\d+)(?:-(\d+))?$/.exec(range);
        const from = Number(bounds?.[1]);
        const to = Number(bounds?.[2] ?? bounds?.[1]);
        if (!bounds || from < 1 || to < from || to - from >= MAX_RANGE) {
          throw new FenceMetaError(`expected line numbers like {2-3,7} in the fence's highlighted lines, got {${ranges}}`);
        }
        for (let line = from; line <= to; line += 1) result.highlight.add(line);
      }
    } else if (word === 'showLineNumbers') result.lineNumbers = true;
  }
  return result;
}

/** Fences whose Copy copies only the commands, without prompts or output. */
const SESSION_LANGUAGES = new Set(['console', 'shell-session', 'shellsession', 'sh-session']);

/** A shell prompt at the start of a session line: `$ ` for a user, `# ` for root. */
const PROMPT = /^[$#](?: |$)/;
/** The shell's prompt for the rest of a command (PS2). */
const CONTINUATION = /^>(?: |$)/;

/**
 * Which lines of a shell session are commands: a line starting with a prompt (`$ `, or `# `
 * for root), a line that a trailing `\` on the command line before continues, and a `> ` line
 * right after a command line (the shell's prompt for the rest of an open quote or here-document).
 * Everything else is the commands' output. `prompt` lines have a prompt to strip when copied.
 */
export function sessionLines(lines: readonly string[]): ('prompt' | 'continued' | undefined)[] {
  let afterCommand = false;
  let continues = false;
  return lines.map((line) => {
    let kind: 'prompt' | 'continued' | undefined;
    if (continues) kind = 'continued';
    else if (PROMPT.test(line) || (afterCommand && CONTINUATION.test(line))) kind = 'prompt';
    afterCommand = kind !== undefined;
    continues = afterCommand && line.endsWith('\\');
    return kind;
  });
}

/** Diff lines by their first character; `+++` and `---` are the file names, not changes. */
function diffLine(text: string): 'added' | 'removed' | undefined {
  if (text.startsWith('+') && !text.startsWith('+++')) return 'added';
  if (text.startsWith('-') && !text.startsWith('---')) return 'removed';
  return undefined;
}

/**
 * Rehype plugin: a fence's meta string becomes what its code block shows. `title="…"` sets
 * `data-title` on the `pre` (the block's bar shows it); highlighted lines, line numbers, `diff`
 * fences and shell sessions need the code as one `<span class="code-line">` a line, with
 * `data-highlighted`, `data-diff` or `data-command`; fences that need none of that keep their
 * markup as it was.
 */
export function rehypeCodeMeta() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = codeLanguage(node)?.toLowerCase();
      const written = node.properties.dataMeta;
      delete node.properties.dataMeta;
      const meta = parseFenceMeta(typeof written === 'string' ? written : undefined);
      if (meta.title) parent.properties.dataTitle = meta.title;
      const session = language !== undefined && SESSION_LANGUAGES.has(language);
      const diff = language === 'diff' || language === 'patch';
      if (!session && !diff && !meta.lineNumbers && meta.highlight.size === 0) return;
      const lines = splitLines(node.children);
      // The code's final newline ends the last line rather than starting an empty one.
      if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
      const texts = lines.map(lineText);
      const commands = session ? sessionLines(texts) : [];
      if (meta.lineNumbers) parent.properties.dataLineNumbers = '';
      if (session) parent.properties.dataSession = '';
      const children: ElementContent[] = [];
      lines.forEach((line, index) => {
        const properties: Element['properties'] = { className: ['code-line'] };
        if (meta.highlight.has(index + 1)) properties.dataHighlighted = '';
        const change = diff ? diffLine(texts[index]!) : undefined;
        if (change) properties.dataDiff = change;
        if (commands[index]) properties.dataCommand = commands[index];
        children.push({ type: 'element', tagName: 'span', properties, children: line }, { type: 'text', value: '\n' });
      });
      node.children = children;
    });
  };
}

/**
 * Remark plugin: a fence's meta string rides on its `code` element as `data-meta`, an attribute
 * the sanitiser keeps, so it reaches rehypeCodeMeta, which runs after the sanitiser and removes it.
 */
export function remarkFenceMeta() {
  return (tree: MdastRoot) => {
    visit(tree, 'code', (node) => {
      if (!node.meta) return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataMeta: node.meta } };
    });
  };
}

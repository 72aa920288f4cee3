import type { LanguageFn } from 'highlight.js';
import hljs from 'highlight.js/lib/core';
import { all } from 'lowlight';
import { createHighlighter } from '../markdown/highlighter.ts';

/** Every highlight.js grammar: the build highlights any language a post names. */
export const buildHighlighter = createHighlighter(all);

/** Grammars that highlight other languages inside their code (HTML holds CSS and JavaScript). */
function embeddedLanguages(grammar: LanguageFn): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [grammar(hljs)];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (typeof value !== 'object' || value === null || value instanceof RegExp || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === 'subLanguage') for (const name of [child].flat()) if (typeof name === 'string') found.add(name);
      stack.push(child);
    }
  }
  return [...found];
}

const closures = new Map<string, string[]>();

/**
 * The grammar modules a browser must load to highlight fences in these languages exactly as the
 * build did: each language's grammar and, transitively, those it embeds. Unknown languages add nothing.
 */
export function grammarsFor(fences: Iterable<string>): string[] {
  const needed = new Set<string>();
  const visit = (fence: string) => {
    const name = buildHighlighter.language(fence)?.name;
    if (!name || needed.has(name)) return;
    needed.add(name);
    let embedded = closures.get(name);
    if (!embedded) closures.set(name, (embedded = embeddedLanguages(all[name]!)));
    for (const inner of embedded) visit(inner);
  };
  for (const fence of fences) visit(fence);
  return [...needed].sort();
}

import type { ElementContent } from 'hast';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import hljs from 'highlight.js/lib/core';
import { createLowlight } from 'lowlight';

/**
 * Labels where highlight.js's grammar name reads badly on a code block ("TOML, also INI",
 * "HTML, XML"), keyed by the fence language as written, lower-cased.
 */
const LABELS: Record<string, string> = {
  toml: 'TOML',
  ini: 'INI',
  html: 'HTML',
  xhtml: 'XHTML',
  xml: 'XML',
  svg: 'SVG',
  rss: 'RSS',
  atom: 'Atom',
  plist: 'Property list',
  console: 'Shell session',
  shell: 'Shell session',
  shellsession: 'Shell session',
  nginx: 'nginx',
  nginxconf: 'nginx',
};

/** What a fence language resolves to: its canonical grammar and the label readers see. */
export interface LanguageInfo {
  name: string;
  label: string;
}

/**
 * Syntax highlighting over a set of highlight.js grammars. The build registers every grammar;
 * the browser registers only those a post uses, loaded on demand, so the same plugin gives the
 * same markup in both as long as the post's grammars are loaded first.
 */
export interface Highlighter {
  register(grammars: Record<string, LanguageFn>): void;
  /** The grammar a fence language (a name or alias) selects, if one is registered. */
  language(fence: string): LanguageInfo | undefined;
  /** Highlighted hast children for the code, or undefined when no grammar covers the language. */
  highlight(fence: string, code: string): ElementContent[] | undefined;
}

/** The label of a fence language: its own label, the grammar's name, else the language as written. */
export function fenceLabel(fence: string, info: LanguageInfo | undefined): string {
  const key = fence.toLowerCase();
  if (Object.hasOwn(LABELS, key)) return LABELS[key]!;
  return info?.label ?? fence;
}

export function createHighlighter(grammars: Record<string, LanguageFn> = {}): Highlighter {
  const lowlight = createLowlight();
  const byAlias = new Map<string, LanguageInfo>();
  const api: HLJSApi = hljs;
  const register = (more: Record<string, LanguageFn>) => {
    for (const [name, grammar] of Object.entries(more)) {
      if (lowlight.registered(name)) continue;
      lowlight.register(name, grammar);
      const definition = grammar(api);
      const info = { name, label: definition.name ?? name };
      for (const alias of [name, ...(definition.aliases ?? [])]) byAlias.set(alias.toLowerCase(), info);
    }
  };
  register(grammars);
  return {
    register,
    language: (fence) => byAlias.get(fence.toLowerCase()),
    highlight(fence, code) {
      const info = byAlias.get(fence.toLowerCase());
      if (!info) return undefined;
      return lowlight.highlight(info.name, code).children as ElementContent[];
    },
  };
}

import type { Element, ElementContent, Root } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { toText } from 'hast-util-to-text';
import { createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';

/**
 * The languages an engineering blog's posts use. rehype-highlight would bundle lowlight's 37
 * "common" languages on every post page; registering these few keeps the post route small.
 * `shell` covers `console` sessions (prompt plus output); `bash` covers `sh`.
 */
const lowlight = createLowlight({ bash, c, diff, go, ini, javascript, json, python, shell, typescript, yaml });

/** The fence language of a `<code>` element, from its `language-*` class. */
export function codeLanguage(node: Element): string | undefined {
  const classes = node.properties.className;
  const match = Array.isArray(classes) ? classes.find((name) => String(name).startsWith('language-')) : undefined;
  return match ? String(match).slice('language-'.length).toLowerCase() : undefined;
}

/** Rehype plugin: highlights fenced code in known languages; other fences stay plain text. */
export function rehypeHighlightPlugin() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = codeLanguage(node);
      if (!language || !lowlight.registered(language)) return;
      const result = lowlight.highlight(language, toText(node, { whitespace: 'pre' }));
      node.children = result.children as ElementContent[];
      node.properties.className = ['hljs', `language-${language}`];
    });
  };
}

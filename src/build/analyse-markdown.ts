import type { Element, Root as HastRoot } from 'hast';
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Heading } from '../content/schema.ts';
import { headingText } from '../markdown/heading-ids.ts';
import { codeLanguage } from '../markdown/highlight.ts';
import { moreMarkerIndex } from '../markdown/more-marker.ts';
import { isRelativeUrl } from '../markdown/resolve-urls.ts';
import { type StyledFeature, styledFeature } from '../markdown/styled-features.ts';

/** `/posts/x/`, not `//host/x` (another site). */
const isSitePath = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');

/** Words read per minute, the usual figure for technical prose. */
const WORDS_PER_MINUTE = 220;
/** Length of a derived excerpt, in words. */
const EXCERPT_WORDS = 60;

export interface LocalReference {
  url: string;
  kind: 'image' | 'link' | 'media';
  line: number;
  column: number;
}

/** Bounds on a post's markdown that keep the parser, and the renderer in the browser, fast and within the stack. */
export interface MarkdownLimits {
  /**
   * Deepest nesting of markdown elements: a blockquote is one level, a list item two (list and
   * item), emphasis and links one each. Parsers and renderers recurse per level.
   */
  maxDepth: number;
  /** Most brackets (links, images, footnote references) in one paragraph: parse time grows with their square. */
  maxLinksPerParagraph: number;
  /** Most list items, blockquotes and footnote definitions in one post: parse time grows with their square. */
  maxContainers: number;
}

/**
 * Generous for writing (real posts nest under 10 levels and have a few hundred list items), tight
 * enough that the slowest input we know of that passes them parses in a few seconds. The parser
 * (micromark) has quadratic corners: 4,000 separate one-item lists take 4.5 s, 10,000 nested list
 * items several minutes. The browser's renderer overflows its stack at a few thousand levels.
 */
export const DEFAULT_MARKDOWN_LIMITS: MarkdownLimits = { maxDepth: 50, maxLinksPerParagraph: 500, maxContainers: 2000 };

/** A place in the markdown body (1-based) and what is wrong there. */
export interface MarkdownProblem {
  line: number;
  column: number;
  message: string;
}

/** What the manifest and the checks need from a post's markdown tree, read before it becomes HTML. */
export interface MarkdownFacts {
  /** The text before `<!-- more -->`, else the first EXCERPT_WORDS words, as plain text. */
  excerpt: string;
  readingTime: number;
  /** Relative links and images, which must point at files inside the content folder. */
  references: LocalReference[];
  /** Links and images to the site's own pages and files (`/posts/x/`, `/images/a.png`), checked once every page is known. */
  siteLinks: LocalReference[];
  /** The most deeply nested node and its depth (the root's children are depth 1). */
  deepest: { depth: number; line: number; column: number };
  /** Fenced code with a meta string after its language, to check where it is written. */
  fences: { meta: string; line: number; column: number }[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function excerptFrom(children: RootContent[], moreIndex: number): string {
  const lead = (moreIndex === -1 ? children : children.slice(0, moreIndex)).filter((node) => node.type === 'paragraph');
  // Raw HTML is shown as text in the post, but in a summary it is noise: leave it out.
  const text = words(lead.map((node) => toString(node, { includeHtml: false })).join(' '));
  if (moreIndex !== -1 || text.length <= EXCERPT_WORDS) return text.join(' ');
  return `${text
    .slice(0, EXCERPT_WORDS)
    .join(' ')
    .replace(/[,;:.!?-]+$/, '')}…`;
}

/** Depth of the most deeply nested node, found without recursion so no input can overflow the stack here. */
function deepestNode(tree: Root): MarkdownFacts['deepest'] {
  const deepest = { depth: 0, line: 1, column: 1 };
  const stack: [Nodes, number][] = [[tree, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > deepest.depth) Object.assign(deepest, { depth, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Reads the excerpt, reading time, local references and nesting depth out of a parsed post,
 * before the pipeline's plugins transform the tree (the excerpt marker is still in it).
 */
export function mdastFacts(tree: Root): MarkdownFacts {
  const references: LocalReference[] = [];
  const siteLinks: LocalReference[] = [];
  const fences: MarkdownFacts['fences'] = [];
  visit(tree, (node) => {
    if (node.type === 'code' && node.meta) fences.push({ meta: node.meta, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return;
    const into = isRelativeUrl(node.url) ? references : isSitePath(node.url) ? siteLinks : undefined;
    if (into) {
      into.push({
        url: node.url,
        kind: node.type === 'image' ? 'image' : 'link',
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
      });
    }
  });
  return {
    excerpt: excerptFrom(tree.children, moreMarkerIndex(tree)),
    readingTime: Math.max(1, Math.round(words(toString(tree)).length / WORDS_PER_MINUTE)),
    references,
    siteLinks,
    deepest: deepestNode(tree),
    fences,
  };
}

/**
 * What the page needs from the finished tree: the headings as the page has them, the fence
 * languages, whether KaTeX drew math, and the features whose styles the page must link.
 */
export function hastFacts(tree: HastRoot): { headings: Heading[]; fences: string[]; math: boolean; styled: StyledFeature[] } {
  const headings: Heading[] = [];
  const fences = new Set<string>();
  let math = false;
  const styled = new Set<StyledFeature>();
  visit(tree, 'element', (node: Element, _index, parent) => {
    const feature = styledFeature(node);
    if (feature) styled.add(feature);
    // The footnotes' own "Footnotes" heading is not a section of the post.
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return 'skip';
    if (node.tagName === 'h2' || node.tagName === 'h3') {
      headings.push({ depth: Number(node.tagName[1]), id: String(node.properties.id ?? ''), text: headingText(node) });
    } else if (node.tagName === 'code' && parent?.type === 'element' && parent.tagName === 'pre') {
      const language = codeLanguage(node);
      if (language) fences.add(language.toLowerCase());
    } else if (!math && Array.isArray(node.properties.className) && node.properties.className.some((name) => name === 'katex' || name === 'katex-error')) {
      math = true;
    }
    return undefined;
  });
  return { headings, fences: [...fences], math, styled: [...styled] };
}

const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ORDERED_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Container markers (`>`, list bullets) at the start of a line: how deep they nest and where the text begins. */
function containerPrefix(line: string, maxDepth: number): { depth: number; quotes: number; items: number; start: number; column: number } {
  let index = 0;
  let column = 0;
  let depth = 0;
  let quotes = 0;
  let items = 0;
  let spaces = 0;
  for (;;) {
    while (line[index] === ' ' || line[index] === '\t') {
      const width = line[index] === '\t' ? 4 - (column % 4) : 1;
      column += width;
      spaces += width;
      index += 1;
    }
    const char = line[index];
    if (char === '>') {
      depth += 1;
      quotes += 1;
    } else if ((char === '-' || char === '*' || char === '+') && isSpace(line[index + 1])) {
      // "- - -" is a thematic break, not three lists.
      if (THEMATIC_BREAK.test(line.slice(index).trimEnd())) break;
      depth += 2;
      items += 1;
    } else {
      const ordered = ORDERED_MARKER.exec(line.slice(index, index + 11));
      if (!ordered) break;
      depth += 2;
      items += 1;
      column += ordered[0].length - 1;
      index += ordered[0].length - 1;
    }
    column += 1;
    index += 1;
    // Enough to refuse the line; going on would cost a thematic-break test per marker.
    if (depth > maxDepth) break;
  }
  // Indentation nests list items too; two columns a level is the common (and the cheapest) case.
  return { depth: depth + Math.floor(spaces / 2), quotes, items, start: index, column };
}

/**
 * A cheap, linear look at a markdown body before it is parsed: estimates how deeply it nests,
 * counts the brackets in each paragraph and the containers (list items, blockquotes, footnotes)
 * in the post. The parser (and react-markdown in the browser) recurses once per level and slows
 * down badly on some inputs (10,000 nested list items take minutes and then overflow the stack),
 * so these are refused with a position rather than parsed. The estimates err high; `mdastFacts`
 * reports the exact depth afterwards.
 */
export function checkMarkdownLimits(body: string, limits: MarkdownLimits = DEFAULT_MARKDOWN_LIMITS): MarkdownProblem | undefined {
  const lines = body.split('\n');
  let fence: { marker: string; quotes: number; column: number } | undefined;
  // Per paragraph: unclosed emphasis of each kind, unclosed brackets, brackets seen.
  let open = { '*': 0, _: 0, '~': 0 } as Record<string, number>;
  let brackets = 0;
  let links = 0;
  // Containers opened so far, and the blockquote depth of the line before (a blank line ends quotes).
  let containers = 0;
  let quotes = 0;
  const tooDeep = (line: number, column: number, depth: number): MarkdownProblem => ({
    line,
    column,
    message: `expected markdown nested at most ${limits.maxDepth} levels deep, got about ${depth} (lists, quotes, emphasis or links inside each other)`,
  });

  for (let number = 1; number <= lines.length; number += 1) {
    const line = lines[number - 1]!;
    const prefix = containerPrefix(line, limits.maxDepth);
    if (prefix.depth > limits.maxDepth) return tooDeep(number, prefix.start + 1, prefix.depth);
    const text = line.slice(prefix.start);
    if (fence) {
      const closes = text.startsWith(fence.marker) && FENCE.exec(text.trimEnd())?.[2] === '' && text.trimEnd().length >= fence.marker.length;
      // A container that ends ends the fence inside it too; fenced code never continues lazily.
      const leaves = text.trim() !== '' && (prefix.quotes < fence.quotes || prefix.column < fence.column);
      if (closes || leaves) fence = undefined;
      if (!leaves) continue;
    }
    containers += prefix.items + Math.max(0, prefix.quotes - quotes) + (/^\[\^[^\]]+\]:/.test(text) ? 1 : 0);
    quotes = text.trim() === '' ? 0 : prefix.quotes;
    if (containers > limits.maxContainers) {
      return {
        line: number,
        column: 1,
        message: `expected at most ${limits.maxContainers} list items, blockquotes and footnotes in one post, got more; split it into several posts`,
      };
    }
    if (text.trim() === '') {
      open = { '*': 0, _: 0, '~': 0 };
      brackets = 0;
      links = 0;
      continue;
    }
    const opening = FENCE.exec(text);
    if (opening && !(opening[1]!.startsWith('`') && opening[2]!.includes('`'))) {
      fence = { marker: opening[1]!, quotes: prefix.quotes, column: prefix.column };
      continue;
    }
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index]!;
      if (char === '\\') {
        index += 1;
      } else if (char === '[') {
        brackets += 1;
        links += 1;
        if (links > limits.maxLinksPerParagraph) {
          return {
            line: number,
            column: prefix.start + index + 1,
            message: `expected at most ${limits.maxLinksPerParagraph} links or brackets in one paragraph, got more; split the paragraph or the table`,
          };
        }
      } else if (char === ']') {
        brackets = Math.max(0, brackets - 1);
      } else if (char === '*' || char === '_' || char === '~') {
        let end = index;
        while (text[end + 1] === char) end += 1;
        const run = end - index + 1;
        const before = text[index - 1];
        const after = text[end + 1];
        const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        if (left && right && isWordChar(before) && isWordChar(after)) {
          // Inside a word: `snake_case`, `2*3*4`; closes as often as it opens.
        } else if (left) {
          open[char]! += run;
        } else if (right) {
          open[char] = Math.max(0, open[char]! - run);
        }
        index = end;
      } else {
        continue;
      }
      const depth = prefix.depth + brackets + open['*']! + open._! + open['~']!;
      if (depth > limits.maxDepth) return tooDeep(number, prefix.start + index + 1, depth);
    }
  }
  return undefined;
}

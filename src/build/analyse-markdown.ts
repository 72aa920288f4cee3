import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Heading } from '../content/schema.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Words read per minute, the usual figure for technical prose. */
const WORDS_PER_MINUTE = 220;
/** Length of a derived excerpt, in words. */
export const EXCERPT_WORDS = 60;
const MORE_MARKER = /^<!--\s*more\s*-->$/i;

export interface LocalReference {
  url: string;
  kind: 'image' | 'link';
  line: number;
  column: number;
}

export interface MarkdownFacts {
  /** The text before `<!-- more -->`, else the first EXCERPT_WORDS words, as plain text. */
  excerpt: string;
  readingTime: number;
  /** Every heading's id as rehype-slug will give it; only depths 2 and 3 are kept, for the table of contents. */
  headings: Heading[];
  /** Relative links and images, which must point at files inside the content folder. */
  references: LocalReference[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** True for URLs that name a file beside the post rather than another site, page or anchor. */
export function isRelativeUrl(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');
}

function excerptFrom(children: RootContent[]): string {
  const moreIndex = children.findIndex((node) => node.type === 'html' && MORE_MARKER.test(node.value.trim()));
  const lead = (moreIndex === -1 ? children : children.slice(0, moreIndex)).filter((node) => node.type === 'paragraph');
  const text = words(lead.map((node) => toString(node)).join(' '));
  if (moreIndex !== -1 || text.length <= EXCERPT_WORDS) return text.join(' ');
  return `${text.slice(0, EXCERPT_WORDS).join(' ').replace(/[,;:.!?-]+$/, '')}…`;
}

/** Reads what the manifest and post view need out of a post's markdown body, in one parse. */
export function analyseMarkdown(body: string): MarkdownFacts {
  const tree = parser.parse(body) as Root;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const references: LocalReference[] = [];

  visit(tree, (node) => {
    if (node.type === 'heading') {
      const text = toString(node);
      const id = slugger.slug(text);
      if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, id, text });
    } else if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
      if (isRelativeUrl(node.url)) {
        references.push({
          url: node.url,
          kind: node.type === 'image' ? 'image' : 'link',
          line: node.position?.start.line ?? 1,
          column: node.position?.start.column ?? 1,
        });
      }
    }
  });

  return {
    excerpt: excerptFrom(tree.children),
    readingTime: Math.max(1, Math.round(words(toString(tree)).length / WORDS_PER_MINUTE)),
    headings,
    references,
  };
}

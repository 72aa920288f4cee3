import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Image, Link, List, ListItem, Nodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as ToMdastOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

type Handle = NonNullable<NonNullable<ToMdastOptions['handlers']>[string]>;
type State = Parameters<Handle>[0];

/** What Quire reads as the end of a post's excerpt; Blogger's "jump break" becomes it. */
const MORE = '<!-- more -->';

/**
 * Nodes that must stand alone (the jump break, a video link): handlers put them here and a pass
 * after conversion lifts them out of the paragraph they landed in. hast-util-to-mdast wraps every
 * run of phrasing content in a paragraph, so a handler alone cannot put them on their own line.
 */
const STANDALONE = new WeakSet<object>();

const className = (node: Element): string[] => {
  const value: unknown = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

const attribute = (node: Element, name: string): string => {
  const value = node.properties?.[name];
  return value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
};

/** Declarations of an inline style, lower-cased: `{ 'font-weight': 'bold' }`. */
function styleOf(node: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of attribute(node, 'style').split(';')) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    declarations.set(
      part.slice(0, colon).trim().toLowerCase(),
      part
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return declarations;
}

const isBoldWeight = (weight: string | undefined) => weight !== undefined && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600);

const elementChildren = (node: Element) => node.children.filter((child): child is Element => child.type === 'element');
const isBlank = (child: ElementContent) => child.type === 'text' && child.value.trim() === '';

function wrap(type: 'strong' | 'emphasis' | 'delete', children: PhrasingContent[]): PhrasingContent[] {
  return children.length === 0 ? [] : [{ type, children }];
}

/**
 * Spans carry Blogger's formatting as inline styles (`font-weight: bold` from its editor and from
 * Google Docs pastes); the styles that mean something in markdown become emphasis, the rest go.
 */
function styledPhrasing(state: State, node: Element, own: Map<string, string>): PhrasingContent[] {
  let children = state.all(node) as PhrasingContent[];
  if (/line-through/.test(own.get('text-decoration') ?? own.get('text-decoration-line') ?? '')) children = wrap('delete', children);
  if (/italic|oblique/.test(own.get('font-style') ?? '')) children = wrap('emphasis', children);
  if (isBoldWeight(own.get('font-weight'))) children = wrap('strong', children);
  return children;
}

/** Blogger's editor has no code button: authors set a monospace font instead. */
const MONOSPACE = /courier|monospace|consolas|menlo|monaco/;

const span: Handle = (state, node) => {
  const style = styleOf(node);
  if (MONOSPACE.test(style.get('font-family') ?? '')) {
    const value = toText(node).replace(/\u00a0/g, ' ');
    return value.trim() === '' ? undefined : { type: 'inlineCode', value };
  }
  return styledPhrasing(state, node, style);
};

/** Markdown has no superscript; `^` keeps `e<sup>rt</sup>` readable as `e^(rt)` rather than `ert`. */
const sup: Handle = (_state, node) => {
  const value = toText(node).trim();
  if (value === '') return undefined;
  return { type: 'text', value: /^\p{N}+$/u.test(value) ? `^${value}` : `^(${value})` };
};

/** Google Docs wraps a whole paste in `<b style="font-weight:normal">`: that one is not bold. */
const bold: Handle = (state, node) => {
  const weight = styleOf(node).get('font-weight');
  if (weight === 'normal' || weight === '400') return state.all(node);
  return wrap('strong', state.all(node) as PhrasingContent[]);
};

const IMAGE_URL = /\.(?:png|jpe?g|gif|webp|avif|bmp|svg)(?:[?#].*)?$/i;
/** Blogger's image hosts serve files without an extension, sized by a path segment like `s1600`. */
const BLOGGER_IMAGE_HOST = /^https?:\/\/(?:[^/]*\.bp\.blogspot\.com|blogger\.googleusercontent\.com|lh\d\.googleusercontent\.com)\//i;
const looksLikeImage = (url: string) => IMAGE_URL.test(url) || BLOGGER_IMAGE_HOST.test(url);

function imageFrom(state: State, img: Element, src = attribute(img, 'src')): Image {
  const title = attribute(img, 'title');
  return { type: 'image', url: state.resolve(src), title: title || null, alt: attribute(img, 'alt') || title };
}

/**
 * Blogger links each image to its full-size file (`<a href=s1600/x.jpg><img src=s320/x.jpg></a>`):
 * that pair is one image at full size, which Quire scales down itself.
 */
const anchor: Handle = (state, node) => {
  if (attribute(node, 'name').toLowerCase() === 'more' && !attribute(node, 'href')) return standalone({ type: 'html', value: MORE });
  const href = attribute(node, 'href');
  const content = node.children.filter((child) => !isBlank(child));
  const only = content.length === 1 && content[0]?.type === 'element' ? content[0] : undefined;
  if (only?.tagName === 'img' && looksLikeImage(href)) return imageFrom(state, only, looksLikeImage(attribute(only, 'src')) ? href : attribute(only, 'src'));
  if (!href || /^\s*(?:javascript|vbscript|data):/i.test(href)) return state.all(node);
  const title = attribute(node, 'title');
  const link: Link = { type: 'link', url: state.resolve(href), title: title || null, children: state.all(node) as PhrasingContent[] };
  state.patch(node, link);
  return link;
};

/** The page a reader can open for an embedded YouTube or Vimeo player, or nothing for other frames. */
function videoPage(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src, 'https://example.invalid/');
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./, '');
  const youtube = /^(?:youtube\.com|youtube-nocookie\.com|m\.youtube\.com)$/.test(host) && /^\/(?:embed|v)\/([\w-]{6,})/.exec(url.pathname);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  if (host === 'youtu.be') return `https://www.youtube.com/watch?v=${url.pathname.slice(1)}`;
  const vimeo = host === 'player.vimeo.com' && /^\/video\/(\d+)/.exec(url.pathname);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return undefined;
}

function standalone<T extends RootContent>(node: T): T {
  STANDALONE.add(node);
  return node;
}

/** Players cannot run in markdown (and Quire's CSP would block them): a link to the video keeps what the reader needs. */
const embed: Handle = (_state, node) => {
  const page = videoPage(attribute(node, 'src'));
  if (!page) return undefined;
  return standalone<Link>({ type: 'link', url: page, title: null, children: [{ type: 'text', value: page }] });
};

/** `<object>` wraps the old Flash player: its `<embed>` names the video, the rest is fallback text. */
const object: Handle = (state, node) => {
  const inner = elementChildren(node).find((child) => child.tagName === 'embed');
  const data = attribute(node, 'data');
  if (inner) return embed(state, inner, node);
  if (data) return embed(state, { ...node, properties: { src: data } }, node);
  return undefined;
};

/** Language names as the syntax highlighters Blogger themes load (SyntaxHighlighter, Prettify) spell them, as Quire's highlighter knows them. */
const LANGUAGE_ALIASES: Record<string, string> = {
  shell: 'bash',
  sh: 'bash',
  js: 'javascript',
  jscript: 'javascript',
  py: 'python',
  plain: '',
  text: '',
  none: '',
  html: 'xml',
};

/** The language a `<pre>` declares: `language-x` or `lang-x` on it or its `<code>`, or SyntaxHighlighter's `brush: x`. */
function codeLanguage(pre: Element): string | undefined {
  const code = elementChildren(pre).find((child) => child.tagName === 'code');
  const classes = [...className(pre), ...(code ? className(code) : [])];
  let name: string | undefined;
  for (const item of classes) {
    const match = /^(?:language|lang)-(.+)$/.exec(item);
    if (match) name = match[1];
  }
  const brush = /(?:^|;)\s*brush\s*:\s*([\w+#-]+)/i.exec(classes.join(' '));
  if (!name && brush) name = brush[1];
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const alias = LANGUAGE_ALIASES[lower];
  return alias === undefined ? lower : alias || undefined;
}

const pre: Handle = (state, node) => {
  const value = toText(node)
    .replace(/\u00a0/g, ' ')
    .replace(/\n+$/, '');
  const result = { type: 'code' as const, lang: codeLanguage(node) ?? null, meta: null, value };
  state.patch(node, result);
  return result;
};

/**
 * Blogger captions an image with a two-row table (`tr-caption-container`): that is an image and
 * a caption, not tabular data, so it becomes the image's cells followed by the caption in italics.
 */
function captionTable(node: Element): ElementContent[] {
  const cells: Element[] = [];
  const collect = (element: Element) => {
    for (const child of elementChildren(element)) {
      if (child.tagName === 'td' || child.tagName === 'th') cells.push(child);
      else collect(child);
    }
  };
  collect(node);
  const caption = cells
    .filter((cell) => className(cell).includes('tr-caption'))
    .map((cell) => toText(cell).trim())
    .join(' ');
  // The caption is the best description an uncaptioned image has; Blogger never asked for alt text.
  const describe = (element: Element) => {
    if (element.tagName === 'img' && !attribute(element, 'alt') && caption) element.properties = { ...element.properties, alt: caption };
    elementChildren(element).forEach(describe);
  };
  cells.forEach(describe);
  return cells.map((cell): Element => {
    const caption = className(cell).includes('tr-caption');
    const children = caption ? [{ type: 'element' as const, tagName: 'em', properties: {}, children: cell.children }] : cell.children;
    return { type: 'element', tagName: caption ? 'p' : 'div', properties: {}, children };
  });
}

/** `<!--more-->` is Blogger's other way to write the jump break; every other comment is editor residue (Word's `<!--[if gte mso 9]>`). */
const comment = (_state: State, node: { value: string }) => (/^\s*more\s*$/i.test(node.value) ? standalone({ type: 'html', value: MORE }) : undefined);

const handlers: Record<string, Handle> = { a: anchor, b: bold, embed, iframe: embed, object, pre, span, sup };

/**
 * Rewrites the HTML before conversion: Blogger writes spacing as `&nbsp;` runs, which as plain
 * spaces collapse like any other whitespace; caption tables become an image and a caption.
 */
function prepare() {
  return (tree: HastRoot) => {
    const walk = (node: HastRoot | Element) => {
      node.children = node.children.flatMap((child): ElementContent[] => {
        if (child.type === 'text') return [{ ...child, value: child.value.replace(/\u00a0/g, ' ') }];
        if (child.type !== 'element') return child.type === 'doctype' ? [] : [child];
        walk(child);
        return child.tagName === 'table' && className(child).includes('tr-caption-container') ? captionTable(child) : [child];
      });
    };
    walk(tree);
  };
}

const isBreak = (node: PhrasingContent) => node.type === 'break';
const isSpace = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === '';
const isStandalone = (node: Nodes) => STANDALONE.has(node);

/** Trims breaks and spaces off both ends of a run of phrasing content. */
function trimPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = children.length;
  while (start < end && (isBreak(children[start]!) || isSpace(children[start]!))) start++;
  while (end > start && (isBreak(children[end - 1]!) || isSpace(children[end - 1]!))) end--;
  return children.slice(start, end);
}

/**
 * Old Blogger posts separate paragraphs with `<br><br>`: two or more breaks in a row end a
 * paragraph, one stays a line break. Standalone nodes get a block of their own.
 */
function splitParagraph(paragraph: Paragraph): RootContent[] {
  const blocks: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const trimmed = trimPhrasing(run);
    if (trimmed.length > 0) blocks.push({ type: 'paragraph', children: trimmed });
    run = [];
  };
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (isStandalone(child)) {
      flush();
      blocks.push(child.type === 'html' ? child : { type: 'paragraph', children: [child] });
      continue;
    }
    if (isBreak(child)) {
      let next = index + 1;
      let breaks = 1;
      while (next < children.length && (isBreak(children[next]!) || isSpace(children[next]!))) {
        if (isBreak(children[next]!)) breaks++;
        next++;
      }
      if (breaks >= 2) {
        flush();
        index = next - 1;
        continue;
      }
    }
    run.push(child);
  }
  flush();
  return blocks;
}

/** Applies splitParagraph to every paragraph in a flow container, at any depth (lists, quotes). */
function tidyFlow(parent: { children: RootContent[] }, topLevel: boolean) {
  const next: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'paragraph') {
      // A jump break inside a list or quote cannot mark the end of the excerpt: there it is dropped.
      next.push(...splitParagraph(child).filter((block) => topLevel || block.type !== 'html'));
    } else if (child.type === 'html' && !topLevel) {
      continue;
    } else {
      if (child.type === 'heading') child.children = trimPhrasing(child.children.map((node) => (isBreak(node) ? { type: 'text', value: ' ' } : node)));
      if ('children' in child && (child.type === 'blockquote' || child.type === 'list' || child.type === 'listItem')) {
        tidyFlow(child, false);
      }
      if (child.type === 'list') tighten(child);
      if (child.type === 'heading' && child.children.length === 0) continue;
      next.push(child);
    }
  }
  // Only the first jump break counts; later ones would be shown as text.
  let seenMore = !topLevel;
  parent.children = next.filter((node) => {
    if (node.type !== 'html') return true;
    if (seenMore) return false;
    seenMore = true;
    return true;
  });
}

/**
 * An item holding a line of text and a nested list is still a tight list item; hast-util-to-mdast
 * calls it spread, which would put a blank line between every item of the list.
 */
function tighten(list: List) {
  const tight = (item: ListItem) =>
    item.children.filter((block) => block.type !== 'list').length <= 1 && item.children.every((block) => block.type === 'paragraph' || block.type === 'list');
  if (!list.children.every(tight)) return;
  list.spread = false;
  for (const item of list.children) item.spread = false;
}

function tidy() {
  return (tree: MdastRoot) => {
    tidyFlow(tree, true);
    // A jump break with nothing before it, or nothing after, marks no excerpt.
    const first = tree.children[0];
    const last = tree.children.at(-1);
    if (first?.type === 'html') tree.children.shift();
    if (last?.type === 'html') tree.children.pop();
  };
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(prepare)
  .use(rehypeRemark, { handlers, nodeHandlers: { comment } })
  .use(tidy)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' });

/**
 * Converts the HTML body of a Blogger post to markdown: structure (headings, lists, links, images,
 * code, tables, quotes) is kept, presentation (inline styles, fonts, empty spans) is dropped, and
 * scripts and embedded players do not survive (a YouTube or Vimeo player becomes a link to the video).
 */
export function htmlToMarkdown(html: string): string {
  const markdown = processor.processSync(html).toString().trim();
  return markdown === '' ? '' : `${markdown}\n`;
}

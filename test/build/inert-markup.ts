/**
 * Checks that markup made from untrusted text (a rendered post, a built page) can run nothing:
 * only the elements markdown, code blocks and charts produce, no event handler attributes, and
 * only URLs with safe schemes. Shared by the renderer's security and property tests.
 */

/** Schemes a post may link to. */
const SAFE_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * react-markdown's `defaultUrlTransform`, which `MarkdownContent` relies on, also passes these:
 * they open chat programs, not documents in the site's origin.
 */
const RENDERER_SCHEMES = [...SAFE_SCHEMES, 'irc', 'ircs', 'xmpp'] as const;

/** What the markdown renderer, its code blocks, footnotes, task lists, callouts, diagrams, math and charts produce. */
const ELEMENTS = new Set([
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'span',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'caption',
  'details',
  'summary',
  'figure',
  'figcaption',
  // Raw HTML the sanitiser lets through (GitHub's harmless inline and text elements, and media).
  'b',
  'i',
  's',
  'strike',
  'tt',
  'q',
  'samp',
  'var',
  'kbd',
  'sub',
  'ins',
  'mark',
  'abbr',
  'dl',
  'dt',
  'dd',
  'ruby',
  'rt',
  'rp',
  'video',
  'audio',
  'source',
  // KaTeX's MathML (beside its HTML, for screen and feed readers).
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mlabeledtr',
  'merror',
  // Images with resized copies, and the first image of a post.
  'picture',
  // The chart's SVG.
  'svg',
  'g',
  'path',
  'line',
  'polyline',
  'rect',
  'circle',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'use',
  'marker',
  'clippath',
]);

/** Attributes whose value is fetched or navigated to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'xlink:href',
  'ping',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'manifest',
  'codebase',
  'icon',
  'profile',
  'usemap',
  'archive',
  'classid',
  'itemtype',
]);

/** The scheme a browser would see: it drops tabs and newlines anywhere and controls and spaces at the ends. */
function urlScheme(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Every reason `root`'s markup is not inert; empty when it is. */
export function inertProblems(root: Element, schemes: readonly string[] = RENDERER_SCHEMES): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
    if (tag === 'input' && (element.getAttribute('type') !== 'checkbox' || !element.hasAttribute('disabled')))
      problems.push('an input other than a disabled task-list checkbox');
    for (const { name, value } of element.attributes) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) problems.push(`${attribute}="${value}" on <${tag}>`);
      if (attribute === 'srcdoc' || attribute === 'http-equiv') problems.push(`${attribute} on <${tag}>`);
      if (attribute === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(value)) problems.push(`style="${value}" on <${tag}>`);
      if (URL_ATTRIBUTES.has(attribute)) {
        const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) {
          const scheme = urlScheme(url);
          if (scheme !== undefined && !schemes.includes(scheme)) problems.push(`${attribute}="${value}" on <${tag}>`);
        }
      }
    }
  }
  return problems;
}

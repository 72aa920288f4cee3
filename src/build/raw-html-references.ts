import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isRelativeUrl } from '../markdown/resolve-urls.ts';
import type { LocalReference } from './analyse-markdown.ts';

/** Attributes of raw HTML that name a file the page shows or links to, by element. */
const URL_ATTRIBUTES: Record<string, { attribute: string; kind: LocalReference['kind'] }> = {
  img: { attribute: 'src', kind: 'image' },
  video: { attribute: 'src', kind: 'media' },
  audio: { attribute: 'src', kind: 'media' },
  source: { attribute: 'src', kind: 'media' },
  a: { attribute: 'href', kind: 'link' },
};

/**
 * Files beside the post that its raw HTML refers to (`<img src>`, `<video src>`, `<source src>`,
 * `<a href>`), with their places in the body, so the build checks them like markdown's own images
 * and links. Each HTML node is parsed on its own by the HTML parser the pipeline uses; an element
 * that the post's surrounding HTML turns into text is still checked, which errs on the safe side.
 */
export function rawHtmlReferences(tree: Root): LocalReference[] {
  const references: LocalReference[] = [];
  visit(tree, 'html', (node) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    visit(fromHtml(node.value, { fragment: true }), 'element', (element) => {
      const rule = Object.hasOwn(URL_ATTRIBUTES, element.tagName) ? URL_ATTRIBUTES[element.tagName]! : undefined;
      const url = rule && element.properties[rule.attribute === 'href' ? 'href' : 'src'];
      if (!rule || typeof url !== 'string' || !isRelativeUrl(url)) return;
      const place = element.position?.start ?? { line: 1, column: 1 };
      references.push({
        url,
        kind: rule.kind,
        line: start.line + place.line - 1,
        column: place.line === 1 ? start.column + place.column - 1 : place.column,
      });
    });
  });
  return references;
}

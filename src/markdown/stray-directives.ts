import type { Paragraph, Parents, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** The directive as it was written, else as near as its name gets. */
function written(node: Directive | undefined, source: string, fallback: string): Text {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  const value = start !== undefined && end !== undefined ? source.slice(start, end) : fallback;
  return { type: 'text', value };
}

/** The opening line of a container directive as written (`:::name[label]{attrs}`). */
function openingLine(node: ContainerDirective, source: string): Text {
  const start = node.position?.start.offset;
  if (start === undefined) return { type: 'text', value: `:::${node.name}` };
  const end = source.indexOf('\n', start);
  return { type: 'text', value: source.slice(start, end === -1 ? undefined : end) };
}

/**
 * Remark plugin: directives nothing handles are put back as the text they were written as.
 * remark-directive reads any `:word` as a directive, which would eat "10:30" or "key:value" in
 * prose; the callouts are the only directives Quire knows, and they are converted before this
 * runs, so every directive left here is text the author meant as text.
 */
export function remarkStrayDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    visit(tree, (node, index, parent: Parents | undefined) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'textDirective') {
        parent.children[index] = written(node, source, `:${node.name}`);
        return SKIP;
      }
      if (node.type === 'leafDirective') {
        const paragraph: Paragraph = { type: 'paragraph', children: [written(node, source, `::${node.name}`)] };
        parent.children[index] = paragraph;
        return SKIP;
      }
      if (node.type === 'containerDirective') {
        const label = node.children[0]?.type === 'paragraph' && node.children[0].data?.directiveLabel ? 1 : 0;
        const opening: Paragraph = { type: 'paragraph', children: [openingLine(node, source)] };
        const closed = source.slice(0, node.position?.end.offset).trimEnd().endsWith(':::');
        const replacement = [
          opening,
          ...node.children.slice(label),
          ...(closed ? [{ type: 'paragraph', children: [{ type: 'text', value: ':::' }] } as Paragraph] : []),
        ];
        parent.children.splice(index, 1, ...(replacement as RootContent[]));
        // Visit the contents again where they now are: they may hold directives too.
        return index;
      }
      return undefined;
    });
  };
}

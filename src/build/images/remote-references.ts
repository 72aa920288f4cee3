import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** An image on another host, where the post shows it. */
export interface RemoteReference {
  url: string;
  line: number;
  column: number;
}

const REMOTE = /^(https?:)?\/\//i;

/**
 * Every image a post shows from another host, in document order: `![](https://…)` and reference
 * images whose definition is such a URL. Links to images elsewhere are not fetched by readers, so
 * they are left alone.
 */
export function remoteImageReferences(tree: Root): RemoteReference[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const found: RemoteReference[] = [];
  visit(tree, (node) => {
    const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (url === undefined || !REMOTE.test(url)) return;
    found.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return found;
}

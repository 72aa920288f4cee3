import type { Element as XastElement, Root as XastRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/** An XML element with its name resolved to a namespace, so `app:draft` and `a:draft` are the same when bound to one URI. */
export interface XmlElement {
  /** Namespace URI, or '' for none. */
  ns: string;
  local: string;
  /** Attributes by unprefixed name; Atom and Blogger attributes carry no namespace. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA content directly inside, in order. */
  text: string;
  line: number;
}

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  app: 'http://purl.org/atom/app#',
  blogger: 'http://schemas.google.com/blogger/2018',
  thread: 'http://purl.org/syndication/thread/1.0',
} as const;

/** Thrown for a file that is not well-formed XML, with the parser's place. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function resolve(node: XastElement, scope: ReadonlyMap<string, string>): XmlElement {
  const own = new Map(scope);
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name === 'xmlns') own.set('', value ?? '');
    else if (name.startsWith('xmlns:')) own.set(name.slice(6), value ?? '');
  }
  const colon = node.name.indexOf(':');
  const prefix = colon === -1 ? '' : node.name.slice(0, colon);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:') && value !== null && value !== undefined) attributes[name] = value;
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of node.children) {
    if (child.type === 'element') children.push(resolve(child, own));
    else if (child.type === 'text' || child.type === 'cdata') text += child.value;
  }
  return {
    ns: own.get(prefix) ?? '',
    local: colon === -1 ? node.name : node.name.slice(colon + 1),
    attributes,
    children,
    text,
    line: node.position?.start.line ?? 1,
  };
}

/** Parses XML with a conforming parser and returns its root element, namespaces resolved. */
export function parseXml(xml: string): XmlElement {
  let tree: XastRoot;
  try {
    tree = fromXml(xml);
  } catch (error) {
    const place = error as { message?: string; reason?: string; line?: number; column?: number };
    throw new XmlSyntaxError(place.reason ?? place.message ?? String(error), place.line ?? 1, place.column ?? 1);
  }
  const root = tree.children.find((child): child is XastElement => child.type === 'element');
  if (!root) throw new XmlSyntaxError('expected an XML document, got no root element', 1, 1);
  return resolve(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

/** Direct children of `parent` named `local` in namespace `ns`. */
export const childrenNamed = (parent: XmlElement, ns: string, local: string) => parent.children.filter((child) => child.ns === ns && child.local === local);

/** The first such child, if any. */
export const childNamed = (parent: XmlElement, ns: string, local: string) => parent.children.find((child) => child.ns === ns && child.local === local);

/** The trimmed text of the first such child, or undefined when there is none. */
export function childText(parent: XmlElement, ns: string, local: string): string | undefined {
  const child = childNamed(parent, ns, local);
  return child === undefined ? undefined : child.text.trim();
}

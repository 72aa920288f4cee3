import type { Blockquote, BlockContent, DefinitionContent, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

/** The five kinds of callout, as GitHub names its alerts; each has its own colour and icon. */
export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
type CalloutKind = (typeof CALLOUT_KINDS)[number];

const GITHUB: Record<string, CalloutKind> = { NOTE: 'note', TIP: 'tip', IMPORTANT: 'important', WARNING: 'warning', CAUTION: 'caution' };

/**
 * Docusaurus admonitions, by name: the kind whose colour they take and the title they show.
 * Docusaurus's `caution` is its yellow one and `danger` its red one, GitHub's `warning` and `caution`.
 */
const DOCUSAURUS: Record<string, { kind: CalloutKind; title: string }> = {
  note: { kind: 'note', title: 'Note' },
  tip: { kind: 'tip', title: 'Tip' },
  info: { kind: 'note', title: 'Info' },
  important: { kind: 'important', title: 'Important' },
  warning: { kind: 'warning', title: 'Warning' },
  caution: { kind: 'warning', title: 'Caution' },
  danger: { kind: 'caution', title: 'Danger' },
};

const TITLES: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/** `[!NOTE]` alone on the first line of a quote (GitHub's rule), any case. */
const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

type Content = BlockContent | DefinitionContent;

/**
 * The callout's markup: `<div class="callout callout-KIND" role="note">` with the title as its
 * first paragraph. role=note rather than an aside: a callout is part of the text, not a landmark,
 * and a post may hold many. The title is text, so the kind is never told by colour alone; the
 * icon is drawn by CSS beside it.
 */
function toCallout(node: Blockquote | ContainerDirective, kind: CalloutKind, title: Paragraph['children'], children: Content[]) {
  const titleParagraph: Paragraph = { type: 'paragraph', children: title, data: { hProperties: { className: ['callout-title'] } } };
  const callout = node as unknown as Blockquote;
  callout.type = 'blockquote';
  callout.children = [titleParagraph, ...children];
  callout.data = { hName: 'div', hProperties: { className: ['callout', `callout-${kind}`], role: 'note' } };
}

/** Turns a GitHub alert quote into a callout; quotes that are not alerts are left alone. */
function alert(node: Blockquote) {
  const first = node.children[0];
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return;
  const text = first.children[0];
  const match = ALERT.exec(text.value);
  if (!match) return;
  const kind = GITHUB[match[1]!.toUpperCase()]!;
  text.value = text.value.slice(match[0].length);
  // The marker's line may end in a hard break or be the whole paragraph: drop what is left of it.
  if (text.value === '') first.children.shift();
  const next: { type: string } | undefined = first.children[0];
  if (next?.type === 'break') first.children.shift();
  const rest = first.children.length > 0 ? node.children : node.children.slice(1);
  toCallout(node, kind, [{ type: 'text', value: TITLES[kind] }], rest);
}

/** Turns `:::note[Title]` … `:::` into a callout, its label (if any) the title. */
function admonition(node: ContainerDirective) {
  const known = Object.hasOwn(DOCUSAURUS, node.name.toLowerCase()) ? DOCUSAURUS[node.name.toLowerCase()] : undefined;
  if (!known) return;
  const label = node.children[0]?.type === 'paragraph' && node.children[0].data?.directiveLabel ? node.children[0] : undefined;
  const children = (label ? node.children.slice(1) : node.children) as Content[];
  toCallout(node, known.kind, label && label.children.length > 0 ? label.children : [{ type: 'text', value: known.title }], children);
}

/**
 * Remark plugin: GitHub's alerts (`> [!NOTE]` … `[!CAUTION]`) and Docusaurus's admonitions
 * (`:::note` … `:::`, with `tip`, `info`, `warning`, `caution` and `danger`) become callouts.
 * Runs before the stray-directive plugin, which turns the directives it leaves back into text.
 */
export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'blockquote') alert(node);
      else if (node.type === 'containerDirective') admonition(node);
    });
  };
}

import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { codeLanguage } from '../../markdown/highlight.ts';
import { LazyChartBlock } from '../chart/lazy-chart.tsx';
import { DiagramBlock } from '../diagram/diagram-block.tsx';
import { CodeBlock, type CodeBlockProps } from './code-block.tsx';

/** The language and text of the `code` inside a fence's `pre` element. */
export function fenceOf(node: unknown): { language?: string; text: string } {
  const pre = node as Element | undefined;
  const code = pre?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (!code) return { text: pre ? toText(pre, { whitespace: 'pre' }) : '' };
  return { language: codeLanguage(code)?.toLowerCase(), text: toText(code, { whitespace: 'pre' }) };
}

/**
 * The `pre` renderer of posts: ```chart fences become charts (their code loaded only when a post
 * has one), ```mermaid fences diagrams (drawn in the browser, see DiagramBlock), every other fence a code block with its language and a Copy button.
 */
export function FencedBlock(props: CodeBlockProps) {
  const { language, text } = fenceOf(props.node);
  if (language === 'chart') return <LazyChartBlock source={text} />;
  if (language === 'mermaid') return <DiagramBlock {...props} />;
  return <CodeBlock {...props} />;
}

import { LazyChartBlock } from '../chart/lazy-chart';
import { CodeBlock, type CodeBlockProps, codeInfo } from './code-block';

/**
 * react-markdown's `pre` renderer: ```chart fences become charts (their code loaded only when a
 * post has one), every other fence a code block with its language and a Copy button.
 */
export function FencedBlock(props: CodeBlockProps) {
  const { language, text } = codeInfo(props.children);
  if (language === 'chart') return <LazyChartBlock source={text} />;
  return <CodeBlock {...props} />;
}

import { CodeBlock, type CodeBlockProps } from '../code-block/code-block.tsx';

/**
 * A ```mermaid fence: its source as a code block, inside a figure that the diagram script (see
 * draw-diagrams.ts, loaded only on pages with a diagram) draws the diagram into. Until then, and
 * without JavaScript, the source is open to read; once drawn, it folds away under "Diagram source".
 */
export function DiagramBlock(props: CodeBlockProps) {
  return (
    <figure className="diagram" data-diagram="mermaid">
      <div className="diagram-drawing" hidden />
      <details className="diagram-source" open>
        <summary>Diagram source</summary>
        <CodeBlock {...props} />
      </details>
    </figure>
  );
}

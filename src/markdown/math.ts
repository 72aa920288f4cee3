/**
 * The math plugins, `$…$` and `$$…$$` rendered to KaTeX HTML with MathML. Kept out of the
 * pipeline module so the browser loads KaTeX only for posts whose data lists the `math` feature;
 * the build always runs them.
 */
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { remarkMathDollars } from './math-dollars.ts';
import type { PipelineExtension } from './pipeline.ts';

export const mathPlugins: PipelineExtension = {
  remark: [remarkMath, remarkMathDollars],
  // MathML beside the HTML: screen readers and feed readers read the MathML, browsers show the HTML.
  // `trust` stays off (no \href, \url or \htmlClass from a post), and the default macro-expansion
  // limit bounds what a hostile formula can cost.
  rehype: [[rehypeKatex, { output: 'htmlAndMathml', trust: false, strict: 'ignore' }]],
};

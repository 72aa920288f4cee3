import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { Components } from 'react-markdown';
import { ChartBlock } from '../components/chart/chart-block.tsx';
import { DirectChart } from '../components/chart/lazy-chart.tsx';

/**
 * A post's tree as HTML, through the same components and the same hast-to-React step (options
 * and all) as react-markdown uses in the browser, so both give the same markup. Charts are drawn
 * directly: static HTML cannot wait for their code to load.
 */
export function renderHtml(tree: Root, components: Components): string {
  // hast-util-to-jsx-runtime types its result as the global JSX.Element, which React 19's types no
  // longer declare; with React's runtime functions it is a React element (react-markdown says so too).
  const element = toJsxRuntime(tree, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true }) as ReactElement;
  return renderToStaticMarkup(createElement(DirectChart.Provider, { value: ChartBlock }, element));
}

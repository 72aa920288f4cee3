import { Component, type ComponentType, createContext, lazy, type ReactNode, Suspense, useContext } from 'react';
import type { ChartBlockProps } from './chart-block.tsx';
import { ChartPending, ChartSource } from './chart-source.tsx';

/**
 * The chart code in its own chunk, fetched the first time a post with a chart renders. Importing
 * this module costs only the small wrapper below.
 */
const LazyChart = lazy(() => preloadChart().then((ChartBlock) => ({ default: ChartBlock })));

let loadedChart: ComponentType<ChartBlockProps> | undefined;

/**
 * Loads the chart code ahead of rendering (the post loader does, for posts with a chart), so the
 * chart renders at once instead of through a "Loading chart…" placeholder.
 */
export function preloadChart(): Promise<ComponentType<ChartBlockProps>> {
  return import('./chart-block.tsx').then((module) => (loadedChart = module.ChartBlock));
}

/**
 * Supplies the chart component to render directly instead of loading it. A server renderer that
 * cannot wait for `React.lazy` (`renderToString`) provides `ChartBlock` here, so the chart and its
 * data table are in the HTML; the browser provides nothing and loads the chunk. Both trees put the
 * chart inside the same Suspense boundary, so hydration keeps the server's markup while the chunk
 * loads and then hydrates it in place.
 */
export const DirectChart = createContext<ComponentType<ChartBlockProps> | null>(null);

/** If the chunk fails to load (offline, a deploy replaced it), the post shows the data as written. */
class ChartLoadBoundary extends Component<{ source: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <ChartSource source={this.props.source} note="The chart could not be loaded; here is its data." /> : this.props.children;
  }
}

/**
 * The chart the markdown renderer uses: loaded on first use, or rendered directly when `DirectChart`
 * provides the component (see there). A failed load falls back to the fence's text.
 */
export function LazyChartBlock({ source }: ChartBlockProps) {
  const Direct = useContext(DirectChart);
  const Implementation = Direct ?? loadedChart ?? LazyChart;
  return (
    <ChartLoadBoundary source={source}>
      <Suspense fallback={<ChartPending />}>
        {/* eslint-disable-next-line react-hooks/static-components -- not created here: one of three stable components (the context's, the loaded chunk's, the module's lazy wrapper) */}
        <Implementation source={source} />
      </Suspense>
    </ChartLoadBoundary>
  );
}

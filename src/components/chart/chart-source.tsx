/**
 * A chart fence shown as what the author wrote: used when the data cannot be drawn, while the
 * chart code loads, and if it fails to load. Never throws, so a bad chart never breaks a post.
 */
export function ChartSource({ source, note }: { source: string; note?: string }) {
  return (
    <div className="chart-fallback">
      {note && <p className="chart-note">{note}</p>}
      <pre>
        <code className="language-chart">{source}</code>
      </pre>
    </div>
  );
}

/** Holds the chart's place, at its aspect ratio, while its code loads after a client-side navigation. */
export function ChartPending() {
  return (
    <div className="chart-pending" role="status">
      Loading chart…
    </div>
  );
}

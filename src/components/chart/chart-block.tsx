import { useId } from 'react';
import { ChartSource } from './chart-source.tsx';
import { type ChartGeometry, chartName, describeChart, layoutChart, type XTick } from './chart-layout.ts';
import { type ChartData, parseChart } from './parse-chart.ts';

export interface ChartBlockProps {
  /** The text inside the ```chart fence. */
  source: string;
}

/**
 * Light-scheme colours, used as SVG presentation attributes so the chart is legible even without
 * the stylesheet; `reading.css` overrides them with `--chart-N` variables that follow the theme.
 */
const FALLBACK_COLOURS = ['#0b57b5', '#b34700', '#00785a', '#a2407e', '#7a6100', '#4d4d55'];
/** Each series also differs by dash and marker shape, so colour is never the only cue. */
const DASHES = [undefined, '7 4', '2 3', '10 3 2 3', '4 4', '12 5'];
const MARKER_RADIUS = 3.5;

function markerPath(series: number, cx: number, cy: number, r = MARKER_RADIUS): string {
  // Whole tenths keep the path text short and identical wherever it is rendered.
  const x = (offset = 0) => Number((cx + offset).toFixed(1));
  const y = (offset = 0) => Number((cy + offset).toFixed(1));
  switch (series % 6) {
    case 0: // circle
      return `M${x(-r)} ${y()}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 1: // square
      return `M${x(-r)} ${y(-r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 2: // triangle
      return `M${x()} ${y(-1.2 * r)}L${x(1.1 * r)} ${y(0.9 * r)}H${x(-1.1 * r)}Z`;
    case 3: // diamond
      return `M${x()} ${y(-1.3 * r)}L${x(1.3 * r)} ${y()}L${x()} ${y(1.3 * r)}L${x(-1.3 * r)} ${y()}Z`;
    case 4: // triangle pointing down
      return `M${x()} ${y(1.2 * r)}L${x(1.1 * r)} ${y(-0.9 * r)}H${x(-1.1 * r)}Z`;
    default: // cross
      return `M${x(-r)} ${y(-r)}L${x(r)} ${y(r)}M${x(r)} ${y(-r)}L${x(-r)} ${y(r)}`;
  }
}

/** The line-and-marker sample used in the legend, matching how series `index` is drawn. */
function Swatch({ index }: { index: number }) {
  return (
    <svg className={`chart-swatch chart-series-${index + 1}`} width="32" height="12" viewBox="0 0 32 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="31" y2="6" stroke={FALLBACK_COLOURS[index]} strokeWidth="2" strokeDasharray={DASHES[index]} />
      <path d={markerPath(index, 16, 6)} fill={FALLBACK_COLOURS[index]} stroke={FALLBACK_COLOURS[index]} strokeWidth="1.5" />
    </svg>
  );
}

/** The plot's band within the SVG's height, in percent: room above for the y label, below for the x axis. */
const PLOT_TOP = 13;
const PLOT_HEIGHT = 70;

const percent = (value: number) => `${Number(value.toFixed(2))}%`;
/** A fraction of the plot's width as an SVG x. */
const atX = (fraction: number) => percent(fraction * 100);
/** A fraction of the plot's height as an SVG y. */
const atY = (fraction: number) => percent(PLOT_TOP + fraction * PLOT_HEIGHT);

/** Tick labels at the ends align inwards so they never hang outside the chart. */
const anchorFor = (fraction: number) => (fraction <= 0.005 ? 'start' : fraction >= 0.995 ? 'end' : 'middle');

/** Classes for x ticks shown in only one of the narrow and wide column layouts (see reading.css). */
const tickClass = (tick: XTick) =>
  tick.narrow && tick.wide ? 'chart-x-tick' : tick.narrow ? 'chart-x-tick chart-narrow-only' : 'chart-x-tick chart-wide-only';

/**
 * The SVG has no viewBox: text is drawn at its real size and positions are percentages, so the
 * chart stretches to any width with legible labels. The SVG is the plot itself; y labels and
 * markers at the edges overhang it into the frame's padding. Lines sit in a nested, stretched 1000x1000
 * box whose strokes do not scale; markers are placed with `<use>` at percentage positions.
 */
function ChartSvg({ chart, geometry, id }: { chart: ChartData; geometry: ChartGeometry; id: string }) {
  const bottom = atY(1);
  return (
    <svg
      className="chart-svg"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      width="100%"
      height="260"
      overflow="visible"
      focusable="false"
    >
      <title id={`${id}-title`}>{chart.title ?? chartName(chart)}</title>
      <desc id={`${id}-desc`}>{`${describeChart(chart)} The data is in the table below the chart.`}</desc>
      <defs>
        {geometry.series.map((series, index) => (
          <path key={series.name} id={`${id}-marker-${index}`} d={markerPath(index, 0, 0)} />
        ))}
      </defs>
      <g className="chart-grid" stroke="#d9d8d3">
        {geometry.yTicks.map((tick) => (
          <line key={tick.label} x1="0" x2="100%" y1={atY(tick.at)} y2={atY(tick.at)} />
        ))}
      </g>
      <g className="chart-axis" stroke="#55555c">
        <line x1="0" x2="100%" y1={bottom} y2={bottom} />
        <line x1="0" x2="0" y1={atY(0)} y2={bottom} />
      </g>
      <g className="chart-tick-labels" fill="#55555c" fontSize="12">
        {geometry.yTicks.map((tick) => (
          <text key={tick.label} x="0" dx="-7" y={atY(tick.at)} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        ))}
        {geometry.xTicks.map((tick) => (
          // A nested SVG at the tick's position lets the mark and label be offset from it in pixels.
          <svg
            key={`${tick.label}@${tick.at}`}
            className={tickClass(tick)}
            x={atX(tick.at)}
            y={bottom}
            overflow="visible"
            display={tick.narrow ? undefined : 'none'}
          >
            <line className="chart-axis" y2="5" stroke="#55555c" />
            <text y="19" textAnchor={anchorFor(tick.at)}>
              {tick.label}
            </text>
          </svg>
        ))}
      </g>
      <g className="chart-axis-labels" fill="#1d1d1f" fontSize="13">
        <text x="50%" y="100%" dy="-4" textAnchor="middle">
          {chart.xLabel}
        </text>
        {geometry.yLabel && (
          <text x="0" dx={-geometry.gutter} y="0" dy="1em">
            {geometry.yLabel}
          </text>
        )}
      </g>
      <svg x="0" y={percent(PLOT_TOP)} width="100%" height={percent(PLOT_HEIGHT)} viewBox="0 0 1000 1000" preserveAspectRatio="none" overflow="visible">
        {geometry.series.map((series, index) => (
          <path
            key={series.name}
            className={`chart-line chart-series-${index + 1}`}
            d={series.path}
            fill="none"
            stroke={FALLBACK_COLOURS[index]}
            strokeWidth="2"
            strokeLinejoin="round"
            strokeLinecap="round"
            strokeDasharray={DASHES[index]}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      {geometry.showMarkers &&
        geometry.series.map((series, index) => (
          <g
            key={series.name}
            className={`chart-markers chart-series-${index + 1}`}
            fill={FALLBACK_COLOURS[index]}
            stroke={FALLBACK_COLOURS[index]}
            strokeWidth="1.5"
          >
            {series.points.map((point, pointIndex) => (
              <use key={pointIndex} href={`#${id}-marker-${index}`} x={atX(point.x)} y={atY(point.y)}>
                <title>{point.label}</title>
              </use>
            ))}
          </g>
        ))}
    </svg>
  );
}

function DataTable({ chart }: { chart: ChartData }) {
  return (
    <details className="chart-data">
      <summary>
        Show data<span className="visually-hidden"> for {chart.title ?? 'this chart'}</span>
      </summary>
      <div className="table-scroll">
        <table>
          <caption>{chart.title ?? `${chart.series.map((series) => series.name).join(', ')} by ${chart.xLabel}`}</caption>
          <thead>
            <tr>
              <th scope="col">{chart.xLabel}</th>
              {chart.series.map((series) => (
                <th key={series.name} scope="col">
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.x.map((x, row) => (
              <tr key={row}>
                <th scope="row">{x}</th>
                {chart.series.map((series) => (
                  <td key={series.name}>
                    {series.cells[row] || (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">no value</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function LineChart({ chart, geometry }: { chart: ChartData; geometry: ChartGeometry }) {
  // Ids end up in `href="#…"` references; keep them to characters that need no escaping anywhere.
  const id = `chart${useId().replace(/[^\w-]/g, '')}`;
  return (
    <figure className="chart">
      {chart.title && <figcaption className="chart-title">{chart.title}</figcaption>}
      {/* The frame's padding holds the y labels, which the SVG draws outside itself (overflow: visible). */}
      <div className="chart-frame" style={{ paddingLeft: `${geometry.gutter}px` }}>
        <ChartSvg chart={chart} geometry={geometry} id={id} />
      </div>
      <ul className="chart-legend" aria-label="Legend">
        {chart.series.map((series, index) => (
          <li key={series.name}>
            <Swatch index={index} />
            {series.name}
          </li>
        ))}
      </ul>
      <DataTable chart={chart} />
    </figure>
  );
}

/**
 * A ```chart fence drawn as an SVG line chart with a legend and its data as a table. Renders the
 * same on the server and in the browser, with no effects; input it cannot draw comes back as the
 * fence's text with a short note saying why.
 */
export function ChartBlock({ source }: ChartBlockProps) {
  const result = parseChart(source);
  if (!result.ok) return <ChartSource source={source} note={`This chart could not be drawn: ${result.error}.`} />;
  let geometry: ChartGeometry;
  try {
    geometry = layoutChart(result.chart);
  } catch {
    // Parsing already rejects what layout cannot handle; this only guards the post against a bug here.
    return <ChartSource source={source} note="This chart could not be drawn." />;
  }
  return <LineChart chart={result.chart} geometry={geometry} />;
}

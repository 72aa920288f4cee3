import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ChartBlock } from '../../src/components/chart/chart-block';
import { LazyChartBlock } from '../../src/components/chart/lazy-chart';

const LATENCY = `title: Latency under load
clients,p50,p99
1,3.1,12
8,3.4,19
64,5.0,48
256,9.8,130
`;

describe('ChartBlock', () => {
  it('draws an SVG image named by the title and described in words', () => {
    render(<ChartBlock source={LATENCY} />);
    const image = screen.getByRole('img', { name: 'Latency under load' });
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect(image).toHaveAccessibleDescription(
      /Line chart of p50 and p99 by clients, 4 points from 1 to 256\. p50 ranges from 3\.1 to 9\.8; p99 ranges from 12 to 130\./,
    );
    expect(screen.getByText('Latency under load', { selector: 'figcaption' })).toBeInTheDocument();
  });

  it('labels the axes and their ticks', () => {
    const { container } = render(<ChartBlock source={LATENCY} />);
    const texts = [...container.querySelectorAll('svg text')].map((text) => text.textContent);
    expect(texts).toContain('clients');
    expect(texts).toEqual(expect.arrayContaining(['0', '50', '100', '150']));
  });

  it('names every series in a legend', () => {
    render(<ChartBlock source={LATENCY} />);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['p50', 'p99']);
  });

  it('offers the data as a table behind "Show data"', async () => {
    const user = userEvent.setup();
    render(<ChartBlock source={LATENCY} />);
    await user.click(screen.getByText('Show data'));
    const table = screen.getByRole('table', { name: 'Latency under load' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['clients', 'p50', 'p99']);
    const row = within(table).getByRole('row', { name: /^64/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('64');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['5.0', '48']);
  });

  it('names an untitled chart after what it plots', () => {
    render(<ChartBlock source={'day,requests\nMon,120\nTue,98'} />);
    expect(screen.getByRole('img', { name: 'Line chart of requests by day' })).toBeInTheDocument();
  });

  it('shows malformed data as the code it is, with a note saying why', () => {
    const source = 'x,p99\n1,2\n2,fast\n';
    const { container } = render(<ChartBlock source={source} />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText('This chart could not be drawn: line 3: expected a number for "p99", got "fast".')).toBeInTheDocument();
    expect(container.querySelector('pre code')).toHaveTextContent('x,p99 1,2 2,fast');
  });
});

describe('server rendering and the lazy chart', () => {
  it('puts the chart and its data table in the server HTML', () => {
    const html = renderToString(<ChartBlock source={LATENCY} />);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<table>[\s\S]*<th scope="row">256<\/th>/);
  });

  it('loads the chart chunk on first use in the browser', async () => {
    render(<LazyChartBlock source={LATENCY} />);
    expect(await screen.findByRole('img', { name: 'Latency under load' })).toBeInTheDocument();
  });

  it('shows the data as written if the chart code cannot be loaded', async () => {
    vi.resetModules();
    vi.doMock('../../src/components/chart/chart-block', () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    const { LazyChartBlock: OfflineChart } = await import('../../src/components/chart/lazy-chart');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(<OfflineChart source={LATENCY} />);
    expect(await screen.findByText('The chart could not be loaded; here is its data.')).toBeInTheDocument();
    expect(container.querySelector('pre code')).toHaveTextContent('clients,p50,p99');
    vi.doUnmock('../../src/components/chart/chart-block');
  });

  it('hydrates server HTML rendered with DirectChart, keeping it while the chunk loads', async () => {
    // A fresh copy of the module, so its lazy chart has not loaded yet, as on a real first visit.
    vi.resetModules();
    const { LazyChartBlock: FreshLazyChart, DirectChart: FreshDirectChart } = await import('../../src/components/chart/lazy-chart');
    const tree = (
      <article>
        <p>Before</p>
        <FreshLazyChart source={LATENCY} />
      </article>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(<FreshDirectChart value={ChartBlock}>{tree}</FreshDirectChart>);
    document.body.append(container);
    const serverSvg = container.querySelector('svg[role="img"]');
    expect(serverSvg).not.toBeNull();
    const onRecoverableError = vi.fn();
    const root = hydrateRoot(container, tree, { onRecoverableError });
    expect(container.querySelector('svg[role="img"]')).toBe(serverSvg);
    expect(container.querySelector('.chart-pending')).toBeNull();
    // Once the chunk arrives (however long a busy machine takes), React adopts the server's element.
    await waitFor(() => expect(Object.keys(serverSvg!).some((key) => key.startsWith('__reactFiber'))).toBe(true));
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(container.querySelector('svg[role="img"]')).toBe(serverSvg);
    act(() => root.unmount());
    container.remove();
  });
});

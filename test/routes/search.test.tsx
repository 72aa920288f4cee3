import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { createRoutes } from '../../src/app/routes';
import { searchFixtureFiles } from '../search/render-search';
import { stubFetch } from '../testing/render-app';

/** The whole app at the given history entries, the last one current. */
function renderAppWithSearch(entries: string[]) {
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  const router = createMemoryRouter(routes, { initialEntries: entries, initialIndex: entries.length - 1 });
  render(<App queryClient={queryClient} router={router} />);
  return { router };
}

const field = () => screen.getByRole('searchbox', { name: 'Search posts' });
const results = () => screen.getByRole('list', { name: 'Search results' });
const resultTitles = () =>
  within(results())
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);

beforeEach(() => {
  stubFetch(searchFixtureFiles());
});

describe('search page', () => {
  it('shows the results for ?q= as a full page, best first, matched words marked', async () => {
    renderAppWithSearch(['/search?q=oom+memory']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(field()).toHaveValue('oom memory');
    expect(resultTitles()).toEqual([
      'Reading an OOM kill',
      'Why malloc fails with free memory',
      'Tuning the page cache for databases',
      'Huge pages for Postgres',
    ]);
    const first = within(results()).getAllByRole('article')[0]!;
    expect(within(first).getByRole('link', { name: 'Reading an OOM kill' })).toHaveAttribute('href', '/posts/oom-killer/');
    expect([...first.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['OOM', 'OOM', 'memory']);
    expect(screen.getByText('4 results for “oom memory”')).toHaveAttribute('role', 'status');
    await waitFor(() => expect(document.title).toBe('Search: oom memory · Fixture Notes'));
  });

  it('updates ?q= as the reader types, replacing the entry rather than adding one per keystroke', async () => {
    const user = userEvent.setup();
    const { router } = renderAppWithSearch(['/', '/search?q=mem']);
    await screen.findByText('5 results for “mem”');
    await user.clear(field());
    await user.type(field(), 'iptabels');
    expect(field()).toHaveFocus();
    expect(field()).toHaveValue('iptabels');
    expect(router.state.location.search).toBe('?q=iptabels');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(await screen.findByText('2 results for “iptabels”')).toBeInTheDocument();
    expect(resultTitles()).toEqual(['Migrating from iptables to nftables', 'iptables rules that survive a reboot']);
    // One Back leaves the search: the keystrokes left no entries of their own.
    await router.navigate(-1);
    expect(await screen.findByRole('heading', { name: 'Recent posts' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('returns to the previous query on Back', async () => {
    const { router } = renderAppWithSearch(['/search?q=latency', '/search?q=resume']);
    expect(await screen.findByText('1 result for “resume”')).toBeInTheDocument();
    await router.navigate(-1);
    expect(await screen.findByText('2 results for “latency”')).toBeInTheDocument();
    expect(field()).toHaveValue('latency');
    expect(resultTitles()).toEqual(['KVM latency spikes under load', 'Measuring round trips with ping and mtr']);
  });

  it('says when nothing matches and lists the most recent posts instead of an empty page', async () => {
    renderAppWithSearch(['/search?q=zzzz']);
    expect(await screen.findByText('No posts match “zzzz”.')).toBeInTheDocument();
    const recent = screen.getByRole('region', { name: 'Recent posts' });
    expect(
      within(recent)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Migrating from iptables to nftables',
      'Why malloc fails with free memory',
      'Reading an OOM kill',
      'Debugging DNS timeouts in containers',
      'KVM latency spikes under load',
    ]);
    expect(screen.queryByRole('list', { name: 'Search results' })).not.toBeInTheDocument();
  });

  it('invites a query when opened without one', async () => {
    renderAppWithSearch(['/search']);
    expect(await screen.findByText('Type to search post titles, excerpts and tags.')).toBeInTheDocument();
    expect(field()).toHaveValue('');
    await waitFor(() => expect(document.title).toBe('Search · Fixture Notes'));
  });

  it('shows what went wrong when the search index cannot be loaded', async () => {
    stubFetch(searchFixtureFiles(), (file) => (file === 'data/search/index.json' ? new Response('oops', { status: 500 }) : undefined));
    renderAppWithSearch(['/search?q=kvm']);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server answered 500 for data/search/index.json');
  });

  it('shows an error with a retry when a result’s text cannot be loaded, and the results once it can', async () => {
    const user = userEvent.setup();
    let failing = true;
    stubFetch(searchFixtureFiles(), (file) => (failing && file.startsWith('data/search/posts/') ? new Response('oops', { status: 503 }) : undefined));
    renderAppWithSearch(['/search?q=oom+memory']);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/The server answered 503 for data\/search\/posts\/\d+\.json/);
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('4 results for “oom memory”')).toBeInTheDocument();
    expect(resultTitles()).toEqual([
      'Reading an OOM kill',
      'Why malloc fails with free memory',
      'Tuning the page cache for databases',
      'Huge pages for Postgres',
    ]);
  });
});

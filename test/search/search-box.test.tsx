import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, type Mock } from 'vitest';
import { stubFetch } from '../testing/render-app';
import { searchManifest } from './fixture';
import { renderSearchBox, searchFixtureFiles } from './render-search';

let fetchMock: Mock;
const fetched = (file: string) => fetchMock.mock.calls.some(([input]) => String(input).endsWith(`/${file}`));
const shardsFetched = () => fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.includes('/data/search/posts/'));

beforeEach(() => {
  fetchMock = stubFetch(searchFixtureFiles());
});

const box = () => screen.getByRole('combobox', { name: 'Search posts' });
const live = () => within(screen.getByRole('search', { name: 'Site' })).getByRole('status');

/**
 * Types a query and waits for its own results: the list keeps the previous keystroke's results
 * on screen until the next arrive, and only final results are announced.
 */
async function typeQuery(text: string, announced: string) {
  const user = userEvent.setup();
  renderSearchBox();
  await screen.findByRole('heading', { name: 'Home' });
  await user.type(box(), text);
  await waitFor(() => expect(live()).toHaveTextContent(announced));
  return { user, listbox: screen.getByRole('listbox') };
}

describe('search box', () => {
  it('loads nothing for search until the reader first focuses it, and then only the search index', async () => {
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    expect(fetched('data/search/index.json')).toBe(false);
    await user.click(box());
    await waitFor(() => expect(fetched('data/search/index.json')).toBe(true));
    expect(fetched('posts.json')).toBe(false);
    expect(shardsFetched()).toEqual([]);
  });

  it('loads the text of the results it shows, from their shards only', async () => {
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    await user.click(box());
    await user.paste('kvm');
    const option = await screen.findByRole('option', { name: 'KVM latency spikes under load' });
    // The excerpt is searched from the index's terms but shown from the shard, as written.
    expect(within(option).getByText(/pinning vCPUs and disabling KSM/)).toBeInTheDocument();
    const position = searchManifest().posts.findIndex((post) => post.slug === 'kvm-latency');
    expect(shardsFetched()).toEqual([expect.stringMatching(new RegExp(`/data/search/posts/${Math.floor(position / 4)}\\.json$`))]);
  });

  it('says when a result’s text could not be loaded and loads it on Try again', async () => {
    let failing = true;
    fetchMock = stubFetch(searchFixtureFiles(), (file) =>
      failing && file.startsWith('data/search/posts/') ? new Response('oops', { status: 503 }) : undefined,
    );
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    await user.type(box(), 'kvm');
    const note = await screen.findByText(/Could not load the results: The server answered 503 for data\/search\/posts\/\d+\.json/);
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    failing = false;
    await user.click(within(note).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('option', { name: 'KVM latency spikes under load' })).toBeInTheDocument();
    await waitFor(() => expect(live()).toHaveTextContent('1 result'));
    expect(box()).toHaveFocus();
  });

  it('asks for a reload when the search index is from another version of Quire, and retries on Try again', async () => {
    const files = searchFixtureFiles();
    const current = files.get('data/search/index.json')!;
    files.set('data/search/index.json', JSON.stringify({ ...JSON.parse(current), version: 999 }));
    fetchMock = stubFetch(files);
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    await user.type(box(), 'kvm');
    const note = await screen.findByText(/Search is unavailable: This site was updated since the page loaded/);
    files.set('data/search/index.json', current);
    await user.click(within(note).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('option', { name: 'KVM latency spikes under load' })).toBeInTheDocument();
  });

  it('asks for a reload when a shard comes from a different build than the index', async () => {
    const files = searchFixtureFiles();
    for (const [file, text] of files) {
      if (file.startsWith('data/search/posts/')) files.set(file, JSON.stringify({ ...JSON.parse(text), build: 'a-later-deploy' }));
    }
    fetchMock = stubFetch(files);
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    await user.type(box(), 'kvm');
    expect(await screen.findByText(/Could not load the results: This site was updated since the page loaded/)).toBeInTheDocument();
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('shows results as the reader types, best first, with the matched words marked', async () => {
    const { listbox } = await typeQuery('memroy', '4 results');
    const options = await within(listbox).findAllByRole('option');
    expect(options.map((option) => option.querySelector('[id$="-title"]')?.textContent)).toEqual([
      'Why malloc fails with free memory',
      'Reading an OOM kill',
      'Tuning the page cache for databases',
      'Huge pages for Postgres',
    ]);
    expect(options[0]).toHaveAccessibleName('Why malloc fails with free memory');
    expect([...options[0]!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['memory']);
    expect(within(options[1]!).getByText('memory', { selector: 'mark' })).toBeInTheDocument();
    expect(within(options[0]!).getByText('May 2, 2024')).toBeInTheDocument();
    expect(within(options[0]!).getByText(/Overcommit accounting can refuse/)).toBeInTheDocument();
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    expect(box()).toHaveAttribute('aria-controls', listbox.id);
  });

  it('tells screen readers how many posts matched, politely', async () => {
    await typeQuery('memroy', '4 results');
    expect(live()).toHaveAttribute('aria-live', 'polite');
    expect(live()).toHaveTextContent(/^4 results$/);
  });

  it('marks accented words when the reader types them without accents', async () => {
    const { listbox } = await typeQuery('resume', '1 result');
    const option = await within(listbox).findByRole('option', { name: 'Résumé of a year running Ceph' });
    expect(within(option).getByText('Résumé', { selector: 'mark' })).toBeInTheDocument();
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const { user } = await typeQuery('memroy', '4 results');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}');
    const first = screen.getByRole('option', { name: 'Why malloc fails with free memory' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(box()).toHaveAttribute('aria-activedescendant', first.id);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const second = screen.getByRole('option', { name: 'Reading an OOM kill' });
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(first).toHaveAttribute('aria-selected', 'false');
    expect(box()).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Post oom-killer' })).toBeInTheDocument();
    expect(box()).toHaveValue('');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens a result on click', async () => {
    const { user } = await typeQuery('kvm', '1 result');
    await user.click(await screen.findByRole('option', { name: 'KVM latency spikes under load' }));
    expect(await screen.findByRole('heading', { name: 'Post kvm-latency' })).toBeInTheDocument();
  });

  it('takes Enter without a chosen result to the search page for the query', async () => {
    const { user } = await typeQuery('oom killer', '1 result');
    await screen.findAllByRole('option');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Search page for oom killer' })).toBeInTheDocument();
  });

  it('closes the results on Escape and clears the field on a second Escape', async () => {
    const { user } = await typeQuery('memroy', '4 results');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(box()).not.toHaveAttribute('aria-activedescendant');
    expect(box()).toHaveValue('memroy');
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('option', { name: 'Why malloc fails with free memory' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}{Escape}');
    expect(box()).toHaveValue('');
  });

  it('says when nothing matches and offers the most recent posts instead', async () => {
    const { listbox } = await typeQuery('zzzz', 'No results. Showing recent posts.');
    expect(await screen.findByText('No posts match “zzzz”. Recent posts:')).toBeInTheDocument();
    expect(listbox).toHaveAccessibleName('Recent posts');
    const options = await within(listbox).findAllByRole('option');
    expect(options.map((option) => option.querySelector('[id$="-title"]')?.textContent)).toEqual([
      'Migrating from iptables to nftables',
      'Why malloc fails with free memory',
      'Reading an OOM kill',
      'Debugging DNS timeouts in containers',
      'KVM latency spikes under load',
    ]);
  });

  it('offers all results on the search page when there are more than fit, as the last option', async () => {
    const { user, listbox } = await typeQuery('linux networking', '9 results');
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(9);
    expect(options[8]).toHaveTextContent('See all 9 results');
    // Up from the field wraps round to the last option.
    await user.keyboard('{ArrowUp}');
    expect(options[8]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Search page for linux networking' })).toBeInTheDocument();
  });
});

describe('search shortcuts', () => {
  it('focuses the search box on / unless the reader is typing in a field', async () => {
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    await user.click(comment);
    await user.keyboard('a/b');
    expect(comment).toHaveValue('a/b');
    expect(comment).toHaveFocus();
    await user.click(screen.getByRole('heading', { name: 'Home' }));
    await user.keyboard('/');
    expect(box()).toHaveFocus();
    expect(box()).toHaveValue('');
  });

  it.each([['{Control>}k{/Control}'], ['{Meta>}k{/Meta}']])('focuses the search box on %s, even from a field', async (keys) => {
    const user = userEvent.setup();
    renderSearchBox();
    await screen.findByRole('heading', { name: 'Home' });
    await user.click(screen.getByRole('textbox', { name: 'Comment' }));
    await user.keyboard(keys);
    expect(box()).toHaveFocus();
  });
});

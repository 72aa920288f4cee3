import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

describe('the not-found page', () => {
  beforeEach(() => {
    stubFetch(fixtureFiles());
  });

  it('offers a search that goes to the search page', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/posts/no-such-post/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    const search = screen.getByRole('search', { name: 'Posts' });
    await user.type(within(search).getByRole('searchbox', { name: 'Search the posts' }), 'oom killer');
    await user.click(within(search).getByRole('button', { name: 'Search' }));
    // The search page's loader may still be fetching the index: where the router is going counts.
    await waitFor(() => expect((router.state.navigation.location ?? router.state.location).pathname).toBe('/search/'));
    const target = router.state.navigation.location ?? router.state.location;
    expect(new URLSearchParams(target.search).get('q')).toBe('oom killer');
  });

  it('lists the newest posts, linking to each', async () => {
    renderApp('/no-such-page/');
    const list = await screen.findByRole('region', { name: 'Recent posts' });
    const links = within(list).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^\/posts\/[^/]+\/$/);
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });
});

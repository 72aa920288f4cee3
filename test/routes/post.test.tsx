import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

describe('post page', () => {
  it('shows the title, dates, reading time, tags and the rendered markdown', async () => {
    stubFetch(fixtureFiles());
    renderApp('/posts/oom-killer/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Reading an OOM kill' })).toBeInTheDocument();
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!;
    expect(within(header).getByText('March 10, 2024')).toHaveAttribute('datetime', '2024-03-10');
    expect(within(header).getByText('April 1, 2024')).toHaveAttribute('datetime', '2024-04-01');
    expect(within(header).getByText(/1 min read/)).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'Tag: Page Cache' })).toHaveAttribute('href', '/tags/page-cache/');
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByText('gone').tagName).toBe('DEL');
    expect(screen.getByRole('link', { name: 'the overcommit post' })).toHaveAttribute('href', '/posts/memory-overcommit');
    await waitFor(() => expect(document.title).toBe('Reading an OOM kill · Fixture Notes'));
  });

  it('renders GFM tables, highlighted code and headings with ids and anchor links', async () => {
    stubFetch(fixtureFiles());
    renderApp('/posts/memory-overcommit/');
    await screen.findByRole('heading', { level: 1, name: 'Why malloc fails with free memory' });
    expect(screen.getByRole('columnheader', { name: 'mode' })).toBeInTheDocument();
    const heading = screen.getByRole('heading', { level: 2, name: /Commit limit/ });
    expect(heading).toHaveAttribute('id', 'commit-limit');
    expect(within(heading).getByRole('link', { name: 'Link to this section' })).toHaveAttribute('href', '#commit-limit');
    expect(screen.getByText('# strict accounting')).toHaveClass('hljs-comment');
    expect(screen.getByRole('button', { name: 'Copy code (Bash)' })).toBeInTheDocument();
  });

  it('gives images their intrinsic size and resolves them beside the post; external links open safely', async () => {
    stubFetch(fixtureFiles());
    renderApp('/posts/with-image/');
    const image = await screen.findByRole('img', { name: 'Two boxes joined by an arrow' });
    expect(image).toHaveAttribute('src', '/media/posts/with-image/diagram.svg');
    expect(image).toHaveAttribute('width', '320');
    expect(image).toHaveAttribute('height', '120');
    const external = screen.getByRole('link', { name: /external docs/ });
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Download it' })).toHaveAttribute('href', '/media/posts/with-image/diagram.svg');
  });

  it('links the previous and next posts and three related ones: shared tags first, then the newest', async () => {
    stubFetch(fixtureFiles());
    renderApp('/posts/oom-killer/');
    const nav = await screen.findByRole('navigation', { name: 'More posts' });
    expect(within(nav).getByRole('link', { name: /Previous post NFS write-back stalls/ })).toHaveAttribute('href', '/posts/nfs-stalls/');
    expect(within(nav).getByRole('link', { name: /Next post Why malloc fails/ })).toHaveAttribute('href', '/posts/memory-overcommit/');
    const related = screen.getByRole('region', { name: 'Related posts' });
    expect(
      within(related)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Why malloc fails with free memory', 'NFS write-back stalls', 'A post with a diagram']);
  });

  it('shows the not-found page with a way home for an unknown slug', async () => {
    stubFetch(fixtureFiles());
    renderApp('/posts/no-such-post/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Page not found · Fixture Notes'));
  });

  it('shows the not-found page for any unknown URL and for a page number past the end', async () => {
    stubFetch(fixtureFiles());
    const { router } = renderApp('/no/such/place');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await router.navigate('/page/99/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await router.navigate('/page/abc/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('shows an error with a working retry when the post cannot be fetched, keeping the site usable', async () => {
    let failing = true;
    stubFetch(fixtureFiles(), (file) => (failing && file.startsWith('data/posts/') ? new Response('boom', { status: 500 }) : undefined));
    renderApp('/posts/oom-killer/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be loaded');
    expect(alert).toHaveTextContent('The server answered 500');
    expect(screen.getByRole('link', { name: 'Fixture Notes' })).toBeInTheDocument();
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reading an OOM kill' })).toBeInTheDocument();
  });

  it('moves focus to the new page heading after a client-side navigation and announces the title', async () => {
    stubFetch(fixtureFiles());
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: 'Reading an OOM kill' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Reading an OOM kill' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('Reading an OOM kill · Fixture Notes')).toHaveAttribute('role', 'status');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

describe('home page', () => {
  beforeEach(() => {
    stubFetch(fixtureFiles());
  });

  it('shows the featured post with its long excerpt and a Read more link above the recent posts', async () => {
    renderApp('/');
    const featured = await screen.findByRole('region', { name: 'Featured post' });
    expect(within(featured).getByRole('heading', { name: 'Why malloc fails with free memory' })).toBeInTheDocument();
    expect(within(featured).getByText(/Overcommit accounting can refuse/)).toBeInTheDocument();
    expect(within(featured).getByRole('link', { name: 'Read more: Why malloc fails with free memory' })).toHaveAttribute('href', '/posts/memory-overcommit/');
    const recent = screen.getByRole('region', { name: 'Recent posts' });
    const titles = within(recent)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(['Reading an OOM kill', 'NFS write-back stalls']);
  });

  it('derives excerpts from the text before the more marker, else the first 60 words', async () => {
    renderApp('/');
    expect(await screen.findByText('When the OOM killer fires, dmesg says why.')).toBeInTheDocument();
    const long = screen.getByText(/^A copy to NFS can freeze a host/);
    expect(long.textContent).toMatch(/…$/);
    expect(long.textContent.split(/\s+/)).toHaveLength(60);
  });

  it('pages the list with the page size from the settings', async () => {
    renderApp('/page/2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Posts, page 2 of 2' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'A post with a diagram' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Featured post' })).not.toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByRole('link', { name: 'Page 1' })).toHaveAttribute('href', '/');
    expect(within(pages).getByText('2')).toHaveAttribute('aria-current', 'page');
  });

  it('leaves drafts out of a production build', async () => {
    renderApp('/');
    await screen.findByRole('region', { name: 'Recent posts' });
    expect(screen.queryByText('Huge pages, unfinished')).not.toBeInTheDocument();
  });

  it('offers a skip link as the first thing Tab reaches, pointing at the main landmark', async () => {
    renderApp('/');
    await screen.findByRole('region', { name: 'Recent posts' });
    const links = screen.getAllByRole('link');
    expect(links[0]).toHaveTextContent('Skip to main content');
    expect(links[0]).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    // The title is set by an effect, after the page has rendered.
    await waitFor(() => expect(document.title).toBe('Fixture Notes'));
  });
});

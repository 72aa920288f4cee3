import path from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

describe('browsing by topic and by time', () => {
  beforeEach(() => {
    stubFetch(fixtureFiles());
  });

  it('lists every tag with its post count, each linking to its page', async () => {
    renderApp('/tags/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tags' })).toBeInTheDocument();
    const linux = screen.getByRole('link', { name: 'linux (2 posts)' });
    expect(linux).toHaveAttribute('href', '/tags/linux/');
    expect(screen.getByRole('link', { name: 'Page Cache (1 post)' })).toHaveAttribute('href', '/tags/page-cache/');
  });

  it("pages a tag's posts and links back to all tags", async () => {
    renderApp('/tags/memory/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Posts tagged “memory”' })).toBeInTheDocument();
    expect(screen.getAllByRole('article').map((article) => within(article).getByRole('heading').textContent)).toEqual([
      'Why malloc fails with free memory',
      'Reading an OOM kill',
    ]);
    expect(screen.getByRole('link', { name: 'All tags' })).toHaveAttribute('href', '/tags/');
  });

  it('shows the not-found page for an unknown tag', async () => {
    renderApp('/tags/no-such-tag/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('groups the archive by year, then month, newest first, with counts', async () => {
    renderApp('/archive/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Archive' })).toBeInTheDocument();
    const years = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(years).toEqual(['2024 (2)', '2023 (2)']);
    const months = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(months).toEqual(['May (1)', 'March (1)', 'November (1)', 'June (1)']);
    expect(screen.getByRole('link', { name: 'NFS write-back stalls' })).toHaveAttribute('href', '/posts/nfs-stalls/');
  });

  it('shows the about page from content/about.md, linked from the header only when it exists', async () => {
    renderApp('/');
    await screen.findByRole('heading', { name: 'Recent posts' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'About' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Archive' })).toHaveAttribute('href', '/archive/');
  });

  it('remembers the theme the reader picks', async () => {
    renderApp('/');
    await screen.findByRole('heading', { name: 'Recent posts' });
    const toggle = screen.getByRole('button', { name: 'Dark theme' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem('quire-theme')).toBe('dark');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });
});

describe('about page', () => {
  it('renders content/about.md and links it from the header', async () => {
    stubFetch(fixtureFiles(path.resolve(__dirname, '../fixtures/blog-with-about')));
    renderApp('/about/');
    expect(await screen.findByRole('heading', { level: 1, name: 'About these notes' })).toBeInTheDocument();
    expect(screen.getByText('someone').tagName).toBe('STRONG');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'About' })).toHaveAttribute('href', '/about/');
  });
});

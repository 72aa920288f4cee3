import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { createRoutes } from '../../src/app/routes';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

/** The fixture blog's data files with its site.yaml settings replaced. */
function withSite(change: (site: Record<string, unknown>) => void) {
  const files = fixtureFiles();
  const siteFile = JSON.parse(files.get('data/site.json')!);
  change(siteFile.site);
  files.set('data/site.json', JSON.stringify(siteFile));
  return files;
}

const footer = async () => {
  await screen.findByRole('heading', { level: 1, name: 'Tags' });
  return screen.getByRole('contentinfo');
};

describe('the footer', () => {
  it('credits the author and names the blog', async () => {
    stubFetch(fixtureFiles());
    renderApp('/tags/');
    expect((await footer()).textContent).toMatch(new RegExp(`© ${new Date().getFullYear()} Test Author · Fixture Notes\\. Built with Quire\\.`));
  });

  it('does not credit "Quire" for a blog with no title or author', async () => {
    stubFetch(
      withSite((site) => {
        site.title = 'Quire';
        site.author = '';
      }),
    );
    renderApp('/tags/');
    const text = (await footer()).textContent ?? '';
    expect(text).not.toMatch(/©/);
    expect(text).toContain('Built with Quire.');
  });

  it('links the feeds when site.url is set, so the build wrote them', async () => {
    stubFetch(fixtureFiles());
    renderApp('/tags/');
    const links = within(await footer()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['RSS', '/rss.xml'],
      ['Atom', '/atom.xml'],
      ['JSON Feed', '/feed.json'],
    ]);
  });

  it('links no feeds without site.url, since none were written', async () => {
    stubFetch(
      withSite((site) => {
        delete site.url;
      }),
    );
    renderApp('/tags/');
    const frame = await footer();
    expect(within(frame).queryByRole('link')).not.toBeInTheDocument();
    expect(frame).not.toHaveTextContent('Subscribe');
  });
});

describe('home links under a base path', () => {
  it('keep the trailing slash of /blog/', async () => {
    stubFetch(fixtureFiles());
    const queryClient = createQueryClient();
    const router = createMemoryRouter(createRoutes(queryClient), { basename: '/blog', initialEntries: ['/blog/tags/'] });
    render(<App queryClient={queryClient} router={router} />);
    await screen.findByRole('heading', { level: 1, name: 'Tags' });
    expect(screen.getByRole('link', { name: 'Fixture Notes' })).toHaveAttribute('href', '/blog/');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/blog/');
  });
});

import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { Outlet, createMemoryRouter, useParams, useSearchParams } from 'react-router-dom';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { paths } from '../../src/app/paths';
import { SearchBox } from '../../src/search/search-box';
import { SEARCH_FIXTURE } from './fixture';
import { fixtureFiles } from '../testing/render-app';

/** The fixture blog's data files, with the search fixture as its manifest. */
export function searchFiles(): Map<string, string> {
  const files = fixtureFiles();
  files.set('posts.json', readFileSync(SEARCH_FIXTURE, 'utf8'));
  return files;
}

function PostStub() {
  return <h1>Post {useParams().slug}</h1>;
}

function SearchStub() {
  return <h1>Search page for {useSearchParams()[0].get('q')}</h1>;
}

/**
 * The search box in a page frame of its own, with stand-ins for the pages it leads to: until the
 * layout renders it, this is the header it will sit in.
 */
export function renderSearchBox(url = '/') {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <>
            <header>
              <SearchBox />
            </header>
            <main>
              <label>
                Comment <input type="text" />
              </label>
              <Outlet />
            </main>
          </>
        ),
        children: [
          { index: true, element: <h1>Home</h1> },
          { path: paths.post.pattern, element: <PostStub /> },
          { path: '/search', element: <SearchStub /> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  const result = render(<App queryClient={queryClient} router={router} />);
  return { ...result, router, queryClient };
}

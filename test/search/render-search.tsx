import { render } from '@testing-library/react';
import { Outlet, createMemoryRouter, useParams, useSearchParams } from 'react-router-dom';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { paths } from '../../src/app/paths';
import { searchFiles } from '../../src/build/search-files';
import { SearchField } from '../../src/search/search-field';
import { searchManifest } from './fixture';
import { fixtureFiles } from '../testing/render-app';

/**
 * The fixture blog's data files with the search files of the search fixture in place of its own,
 * in shards of `shardSize` posts: the sixteen posts would otherwise fit one shard, and the tests
 * need results that lie in several.
 */
export function searchFixtureFiles(shardSize = 4): Map<string, string> {
  const files = fixtureFiles();
  for (const file of [...files.keys()]) if (file.startsWith('data/search/')) files.delete(file);
  const manifest = searchManifest();
  for (const [file, text] of searchFiles(manifest.posts, manifest.site.language, shardSize)) files.set(file, text);
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
              <SearchField />
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

import { render } from '@testing-library/react';
import path from 'node:path';
import { createMemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { createRoutes } from '../../src/app/routes';
import { publishContent } from '../../src/build/data-files';

const FIXTURE_BLOG = path.resolve(__dirname, '../fixtures/blog');

/** The data files of a content folder, as the build would write them. */
export function fixtureFiles(contentDir = FIXTURE_BLOG, drafts = false): Map<string, string> {
  return publishContent(contentDir, { drafts }).files;
}

export type FetchHandler = (file: string) => Response | Promise<Response | undefined> | undefined;

/**
 * Replaces `fetch` with one that serves the given files (paths under the site root), as a static
 * host would: 404 for anything else. `override` may answer first, to simulate failures.
 */
export function stubFetch(files: Map<string, string>, override?: FetchHandler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const file = decodeURIComponent(url.pathname).replace(/^\//, '');
    const answer = await override?.(file);
    if (answer) return answer;
    const body = files.get(file);
    return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body, { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Renders the whole app at a URL inside the real providers and route table. */
export function renderApp(url: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const result = render(<App queryClient={queryClient} router={router} />);
  return { ...result, router, queryClient };
}

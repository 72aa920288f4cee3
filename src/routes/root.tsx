import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Outlet, ScrollRestoration, useRevalidator, useRouteError } from 'react-router-dom';
import { ErrorPanel } from '../components/error-panel';
import { Layout } from '../components/layout';
import { siteQuery } from '../content/queries';
import { defaultSite } from '../content/site-defaults';

/** Site settings every page needs; fetched in parallel with the child route's own data. */
export const rootLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(siteQuery());
  return null;
};

export function Root() {
  const { data } = useSuspenseQuery(siteQuery());
  return (
    <Layout site={data.site} about={data.about}>
      <Outlet />
      <ScrollRestoration />
    </Layout>
  );
}

const shell = { ...defaultSite, title: 'Loading…' };

/** Shown while the first page's data loads: the page frame with a placeholder of the same shape. */
export function RootFallback() {
  return (
    <Layout site={shell}>
      <div className="placeholder" aria-label="Loading">
        <div className="placeholder-line placeholder-title" />
        <div className="placeholder-line" />
        <div className="placeholder-line" />
        <div className="placeholder-line placeholder-short" />
      </div>
    </Layout>
  );
}

/** The site settings themselves failed to load: keep the frame, explain, offer a retry. */
export function RootError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  return (
    <Layout site={defaultSite}>
      <ErrorPanel
        title="This page could not be loaded"
        message={error instanceof Error ? error.message : 'Something went wrong.'}
        onRetry={() => revalidator.revalidate()}
      />
    </Layout>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { siteQuery } from '../content/queries';
import { defaultSite } from '../content/schema';

/** Any unknown URL, unknown post or page number past the end. */
export function NotFound() {
  const site = useQuery(siteQuery()).data?.site;
  return (
    <section className="not-found">
      <PageHead site={site ?? defaultSite} title="Page not found" path={useLocation().pathname} noindex />
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is nothing at this address. The post may have moved, or the link may have a typo.</p>
      <p>
        <Link to={paths.home.href()}>Go to the home page</Link>
      </p>
    </section>
  );
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

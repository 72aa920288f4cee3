import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router-dom';
import { ErrorPanel } from '../components/error-panel';
import { DataError } from '../content/fetch-data';
import { NotFound } from './not-found';

/**
 * Error element of every page route: 404s become the not-found page, anything else an error
 * with a retry, inside the site's frame so the rest of the site stays usable.
 */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if ((isRouteErrorResponse(error) && error.status === 404) || (error instanceof DataError && error.kind === 'not-found')) {
    return <NotFound />;
  }
  const message = error instanceof Error ? error.message : 'Something went wrong while showing this page.';
  return <ErrorPanel title="This page could not be loaded" message={message} onRetry={() => revalidator.revalidate()} />;
}

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { postQuery } from '../content/queries';
import { SLUG_PATTERN } from '../content/schema';
import { notFound } from './not-found';
import { orNotFound } from './page-number';

/**
 * Kept apart from the post view so the fetch starts at once, while the view's code (the markdown
 * renderer and highlighter) is still downloading.
 */
export const postLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const slug = params.slug ?? '';
    if (!SLUG_PATTERN.test(slug)) notFound();
    await orNotFound(() => queryClient.ensureQueryData(postQuery(slug)));
    return null;
  };

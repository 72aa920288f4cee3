import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { DataError } from '../content/fetch-data';
import { postQuery } from '../content/queries';
import { SLUG_PATTERN } from '../content/schema';
import { notFound } from './not-found';

/**
 * Kept apart from the post view so the fetch starts at once, while the view's code (the markdown
 * renderer and highlighter) is still downloading.
 */
export const postLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const slug = params.slug ?? '';
    if (!SLUG_PATTERN.test(slug)) notFound();
    try {
      await queryClient.ensureQueryData(postQuery(slug));
    } catch (error) {
      if (error instanceof DataError && error.kind === 'not-found') notFound();
      throw error;
    }
    return null;
  };

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { manifestQuery, seriesListQuery, seriesQuery, tagPageQuery, tagsQuery } from '../content/queries';
import { orNotFound, pageNumber } from './page-number';

// The loaders of the listing pages, apart from their views: the views load lazily, and a loader
// here starts its fetch while the view's code downloads.

export const tagsLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(tagsQuery());
  return null;
};

export const tagLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await orNotFound(() => queryClient.ensureQueryData(tagPageQuery(params.tag ?? '', pageNumber(params.page))));
    return null;
  };

export const archiveLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(manifestQuery());
  return null;
};

export const seriesListLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(seriesListQuery());
  return null;
};

export const seriesLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await orNotFound(() => queryClient.ensureQueryData(seriesQuery(params.name ?? '')));
    return null;
  };

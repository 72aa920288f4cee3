import { queryOptions } from '@tanstack/react-query';
import { fetchData } from './fetch-data.ts';
import { dataFiles } from './files.ts';
import { manifestSchema, pageFileSchema, postFileSchema, siteFileSchema } from './schema.ts';

/**
 * Query factories: one per data file, with hierarchical keys so `['quire']` invalidates everything
 * when the dev server reports a content change. Route loaders warm these; components read them.
 */
export const siteQuery = () =>
  queryOptions({ queryKey: ['quire', 'site'], queryFn: ({ signal }) => fetchData(dataFiles.site, siteFileSchema, signal) });

export const pageQuery = (page: number) =>
  queryOptions({ queryKey: ['quire', 'page', page], queryFn: ({ signal }) => fetchData(dataFiles.page(page), pageFileSchema, signal) });

export const postQuery = (slug: string) =>
  queryOptions({ queryKey: ['quire', 'post', slug], queryFn: ({ signal }) => fetchData(dataFiles.post(slug), postFileSchema, signal) });

export const manifestQuery = () =>
  queryOptions({ queryKey: ['quire', 'manifest'], queryFn: ({ signal }) => fetchData(dataFiles.manifest, manifestSchema, signal) });

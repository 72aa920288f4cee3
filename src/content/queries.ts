import { queryOptions } from '@tanstack/react-query';
import { fetchData } from './fetch-data.ts';
import { dataFiles } from './files.ts';
import { aboutFileSchema, manifestSchema, pageFileSchema, postFileSchema, siteFileSchema, tagPageFileSchema, tagsFileSchema } from './schema.ts';

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

export const tagsQuery = () =>
  queryOptions({ queryKey: ['quire', 'tags'], queryFn: ({ signal }) => fetchData(dataFiles.tags, tagsFileSchema, signal) });

export const tagPageQuery = (tag: string, page: number) =>
  queryOptions({
    queryKey: ['quire', 'tag', tag, page],
    queryFn: ({ signal }) => fetchData(dataFiles.tagPage(tag, page), tagPageFileSchema, signal),
  });

export const aboutQuery = () =>
  queryOptions({ queryKey: ['quire', 'about'], queryFn: ({ signal }) => fetchData(dataFiles.about, aboutFileSchema, signal) });

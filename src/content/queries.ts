import { queryOptions } from '@tanstack/react-query';
import { fetchData } from './fetch-data.ts';
import { dataFiles } from './files.ts';

type Schemas = typeof import('./schema.ts');

/**
 * A schema from the schema module, loaded on first use: pre-rendered pages hydrate from data in
 * the page, so the first load runs no validation and need not download zod.
 */
const schema =
  <K extends keyof Schemas>(name: K) =>
  () =>
    import('./schema.ts').then((module) => module[name]);

/**
 * Query factories: one per data file, with hierarchical keys so `['quire']` invalidates everything
 * when the dev server reports a content change. Route loaders warm these; components read them.
 */
export const siteQuery = () =>
  queryOptions({ queryKey: ['quire', 'site'], queryFn: ({ signal }) => fetchData(dataFiles.site, schema('siteFileSchema'), signal) });

export const pageQuery = (page: number) =>
  queryOptions({ queryKey: ['quire', 'page', page], queryFn: ({ signal }) => fetchData(dataFiles.page(page), schema('pageFileSchema'), signal) });

export const postQuery = (slug: string) =>
  queryOptions({ queryKey: ['quire', 'post', slug], queryFn: ({ signal }) => fetchData(dataFiles.post(slug), schema('postFileSchema'), signal) });

export const manifestQuery = () =>
  queryOptions({ queryKey: ['quire', 'manifest'], queryFn: ({ signal }) => fetchData(dataFiles.manifest, schema('manifestSchema'), signal) });

export const tagsQuery = () =>
  queryOptions({ queryKey: ['quire', 'tags'], queryFn: ({ signal }) => fetchData(dataFiles.tags, schema('tagsFileSchema'), signal) });

export const tagPageQuery = (tag: string, page: number) =>
  queryOptions({
    queryKey: ['quire', 'tag', tag, page],
    queryFn: ({ signal }) => fetchData(dataFiles.tagPage(tag, page), schema('tagPageFileSchema'), signal),
  });

export const aboutQuery = () =>
  queryOptions({ queryKey: ['quire', 'about'], queryFn: ({ signal }) => fetchData(dataFiles.about, schema('aboutFileSchema'), signal) });

export const seriesListQuery = () =>
  queryOptions({ queryKey: ['quire', 'series-list'], queryFn: ({ signal }) => fetchData(dataFiles.seriesList, schema('seriesListFileSchema'), signal) });

export const seriesQuery = (slug: string) =>
  queryOptions({ queryKey: ['quire', 'series', slug], queryFn: ({ signal }) => fetchData(dataFiles.series(slug), schema('seriesFileSchema'), signal) });

/**
 * The settings of a blog whose `site.yaml` is absent or not yet loaded: the schema's defaults.
 * A plain object, so the page frame can use it without loading the schemas.
 */
export const defaultSite: { title: string; description: string; author: string; language: string; postsPerPage: number; url?: string; image?: string } = {
  title: 'Quire',
  description: '',
  author: '',
  language: 'en',
  postsPerPage: 10,
};

import { createContext } from 'react';

/**
 * Pre-rendered article HTML by article key (`articleKey` in content/files). The server renderer
 * reads it from the build; the browser reads it from the page it was given, before hydrating.
 * A post found here is shown as it is, without the markdown renderer.
 */
export interface ArticleStore {
  get(key: string): string | undefined;
}

export const noArticles: ArticleStore = { get: () => undefined };

export const ArticleHtml = createContext<ArticleStore>(noArticles);

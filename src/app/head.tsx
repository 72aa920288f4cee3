import { createContext, useContext, useEffect } from 'react';

/** What a page says about itself in the document's `<head>`. */
export interface PageHeadData {
  /** The page's own title; the site title is appended. Omitted on the home page. */
  title?: string;
  description?: string;
}

/** Collects the head of the page being rendered on the server, where effects never run. */
export interface HeadCollector {
  head?: PageHeadData & { documentTitle: string };
}
export const HeadContext = createContext<HeadCollector | null>(null);

export function documentTitle(head: PageHeadData, siteTitle: string): string {
  return head.title ? `${head.title} · ${siteTitle}` : siteTitle;
}

function setMeta(name: string, content: string | undefined) {
  let element = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!content) return element?.remove();
  if (!element) {
    element = document.createElement('meta');
    element.name = name;
    document.head.append(element);
  }
  element.content = content;
}

/** Sets the document title and description for the page that renders it. */
export function PageHead({ siteTitle, ...head }: PageHeadData & { siteTitle: string }) {
  const collector = useContext(HeadContext);
  const title = documentTitle(head, siteTitle);
  if (collector) collector.head = { ...head, documentTitle: title };
  useEffect(() => {
    document.title = title;
    setMeta('description', head.description);
  }, [title, head.description]);
  return null;
}

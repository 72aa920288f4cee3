import { createContext, useContext, useEffect } from 'react';
import type { Site } from '../content/schema';

/** What a page says about itself in the document's `<head>`. */
export interface PageHeadData {
  /** The page's own title; the site title is appended. Omitted on the home page. */
  title?: string;
  description?: string;
  /** The page's path under the site root, for its canonical URL, e.g. `/posts/x/`. */
  path: string;
  type?: 'website' | 'article';
  /** Site-relative path (`media/...`), root path or absolute URL of the page's image. */
  image?: string;
  /** The image's size in pixels, when known (link previews are 1200×630). */
  imageSize?: { width: number; height: number };
  published?: string;
  modified?: string;
  tags?: string[];
  /** Pages that are not content (errors, empty searches) ask search engines to skip them. */
  noindex?: boolean;
  /**
   * The features of the article the page shows (its data's `features`): the pre-renderer links
   * the stylesheets they need (KaTeX's, the callouts'; see src/markdown/feature-styles.ts), and
   * after a client-side navigation the post loader does.
   */
  features?: string[];
}

/** Collects the head of the page being rendered on the server, where effects never run. */
export interface HeadCollector {
  head?: PageHeadData;
  site?: Site;
}
export const HeadContext = createContext<HeadCollector | null>(null);

/**
 * Hands the page's head to the server renderer. Written during render on purpose: the server
 * renders once and runs no effects, and the collector is a plain object the renderer made for this
 * one render, not React state, so nothing re-renders from it or memoises it. In the browser there
 * is no collector and this is never called.
 */
function collectHead(collector: HeadCollector, head: PageHeadData, site: Site) {
  collector.head = head;
  collector.site = site;
}

export function documentTitle(head: Pick<PageHeadData, 'title'>, siteTitle: string): string {
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

/**
 * Declares the page's head. On the server it is collected and written into the HTML by the
 * pre-renderer; in the browser, client-side navigations update the title and description.
 */
export function PageHead({ site, ...head }: PageHeadData & { site: Site }) {
  const collector = useContext(HeadContext);
  if (collector) collectHead(collector, head, site);
  const title = documentTitle(head, site.title);
  useEffect(() => {
    document.title = title;
    setMeta('description', head.description);
  }, [title, head.description]);
  return null;
}

import { type PageHeadData, documentTitle } from '../app/head';
import type { Site } from '../content/schema';
import { featureStylesheets } from '../markdown/feature-styles';
import { absoluteUrl } from './urls';

/** JSON for a `<script>` element: `<`, U+2028 and U+2029 escaped so no text can close the element or a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The page's preview image as an absolute URL: the post's own (already a site path like
 * `media/posts/x/cover.svg`), else the site's default (a path under the content folder).
 */
function previewImage(own: string | undefined, siteDefault: string | undefined, abs: (path: string) => string) {
  const isUrl = (value: string) => /^https?:\/\//i.test(value);
  if (own) return abs(isUrl(own) || own.startsWith('/') ? own : `/${own}`);
  if (siteDefault) return abs(isUrl(siteDefault) ? siteDefault : `/media/${siteDefault.replace(/^\.?\//, '')}`);
  return undefined;
}

/**
 * The stylesheets only this page needs, for the end of `<head>`: after the main stylesheet, so
 * their rules win over its rules of the same specificity, as they did when they were part of it.
 */
export function PageStylesheets({ head, base }: Pick<HeadTagsProps, 'head' | 'base'>) {
  return featureStylesheets(head.features ?? [])?.map((sheet) => <link key={sheet} rel="stylesheet" href={`${base}${sheet}`} />);
}

export interface HeadTagsProps {
  head: PageHeadData;
  site: Site;
  /** The base path the site is built for, e.g. `/` or `/blog/`. */
  base: string;
}

/**
 * Everything a page puts in its `<head>`: title, description, canonical URL, OpenGraph, Twitter
 * card, feed links and JSON-LD. Rendered by React, so every value is escaped as markup.
 */
export function HeadTags({ head, site, base }: HeadTagsProps) {
  const abs = (path: string) => (site.url ? absoluteUrl(site.url, base, path) : `${base}${path.replace(/^\//, '')}`);
  const title = documentTitle(head, site.title);
  const url = abs(head.path);
  const image = previewImage(head.image, site.image, abs);
  const description = head.description || site.description;
  const type = head.type ?? 'website';
  const jsonLd =
    type === 'article'
      ? {
          '@context': 'https://schema.org',
          '@type': 'BlogPosting',
          headline: head.title,
          description,
          datePublished: head.published,
          dateModified: head.modified ?? head.published,
          author: site.author ? { '@type': 'Person', name: site.author } : undefined,
          keywords: head.tags?.join(', '),
          image,
          mainEntityOfPage: url,
          url,
        }
      : undefined;
  return (
    <>
      <title>{title}</title>
      {description && <meta name="description" content={description} />}
      {head.noindex && <meta name="robots" content="noindex" />}
      <link rel="canonical" href={url} />
      {/* The feeds are written only for a blog with a url: link nothing that is not there. */}
      {site.url && (
        <>
          <link rel="alternate" type="application/rss+xml" title={`${site.title} (RSS)`} href={abs('/rss.xml')} />
          <link rel="alternate" type="application/atom+xml" title={`${site.title} (Atom)`} href={abs('/atom.xml')} />
          <link rel="alternate" type="application/feed+json" title={`${site.title} (JSON Feed)`} href={abs('/feed.json')} />
        </>
      )}
      <meta property="og:site_name" content={site.title} />
      <meta property="og:title" content={head.title ?? site.title} />
      {description && <meta property="og:description" content={description} />}
      <meta property="og:type" content={type} />
      <meta property="og:url" content={url} />
      {site.language && <meta property="og:locale" content={site.language.replace('-', '_')} />}
      {image && <meta property="og:image" content={image} />}
      {image && head.imageSize && (
        <>
          <meta property="og:image:width" content={String(head.imageSize.width)} />
          <meta property="og:image:height" content={String(head.imageSize.height)} />
        </>
      )}
      {head.published && <meta property="article:published_time" content={head.published} />}
      {head.modified && <meta property="article:modified_time" content={head.modified} />}
      {head.tags?.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={head.title ?? site.title} />
      {description && <meta name="twitter:description" content={description} />}
      {image && <meta name="twitter:image" content={image} />}
      {jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />}
    </>
  );
}

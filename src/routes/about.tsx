import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { Article } from '../components/article/article';
import { articleKey } from '../content/files';
import { aboutQuery, siteQuery } from '../content/queries';

/** `/about`, from `content/about.md` when the blog has one. */
export function About() {
  const { site } = useSuspenseQuery(siteQuery()).data;
  const about = useSuspenseQuery(aboutQuery()).data;
  return (
    <article className="post">
      <PageHead site={site} title={about.title} description={site.description} path={paths.about.href()} features={about.features} />
      <h1 tabIndex={-1}>{about.title}</h1>
      <Article articleKey={articleKey.about} markdown={about.markdown} assetBase={about.assetBase} images={about.images} features={about.features} />
    </article>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, useParams } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { Pager } from '../components/pager';
import { PostCard } from '../components/post-card';
import { pageQuery, siteQuery } from '../content/queries';
import { orNotFound, pageNumber } from './page-number';

/** `/` is page 1; `/page/N` any other page. */
export const homeLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await orNotFound(() => queryClient.ensureQueryData(pageQuery(pageNumber(params.page))));
    return null;
  };

export function Home() {
  const page = pageNumber(useParams().page);
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { data } = useSuspenseQuery(pageQuery(page));
  const heading = page === 1 ? 'Recent posts' : `Posts, page ${page} of ${data.pageCount}`;
  return (
    <>
      <PageHead site={site} title={page === 1 ? undefined : `Page ${page}`} description={site.description} path={paths.page.href(page)} />
      <h1 className={page === 1 ? 'visually-hidden' : undefined} tabIndex={-1}>
        {page === 1 ? site.title : heading}
      </h1>
      {page === 1 && data.featured && (
        <section aria-label="Featured post" className="featured">
          <PostCard post={data.featured} language={site.language} featured />
        </section>
      )}
      <section aria-labelledby="recent-heading">
        {page === 1 && (
          <h2 id="recent-heading" className="section-title">
            {heading}
          </h2>
        )}
        {/* Later pages have no h2: the h1 names the list, so its cards' titles are h2s. */}
        {page !== 1 && (
          <span id="recent-heading" hidden>
            {heading}
          </span>
        )}
        {data.posts.length === 0 ? (
          <p>No posts yet.</p>
        ) : (
          data.posts.map((post) => <PostCard key={post.slug} post={post} language={site.language} level={page === 1 ? 3 : 2} />)
        )}
      </section>
      <Pager page={page} pageCount={data.pageCount} href={paths.page.href} />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { Link, useHref, useLocation, useNavigate } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { HomeLink } from '../components/layout';
import { PostDate } from '../components/post-date';
import { pageQuery, siteQuery } from '../content/queries';
import { defaultSite } from '../content/site-defaults';
import { searchHref } from '../search/search-href';

const RECENT = 5;

/**
 * Any unknown URL, unknown post or page number past the end. A reader who followed a stale link
 * usually wants the post it pointed to, so the page offers a search and the newest posts.
 */
export function NotFound() {
  const id = useId();
  const site = useQuery(siteQuery()).data?.site;
  // The first page of the home listing is small and usually cached already; the pre-rendered
  // 404.html has no data, so the list appears once it arrives.
  const page = useQuery(pageQuery(1)).data;
  const recent = page ? [...(page.featured ? [page.featured] : []), ...page.posts].sort((a, b) => b.date.localeCompare(a.date)).slice(0, RECENT) : [];
  const navigate = useNavigate();
  // Without JavaScript the form still works: a plain GET to the search page.
  const action = useHref(paths.search.href());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new FormData(event.currentTarget).get('q');
    void navigate(searchHref(typeof query === 'string' ? query : ''));
  };
  return (
    <section className="not-found">
      <PageHead site={site ?? defaultSite} title="Page not found" path={useLocation().pathname} noindex />
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is nothing at this address. The post may have moved, or the link may have a typo.</p>
      <form className="not-found-search" role="search" aria-label="Posts" action={action} method="get" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>Search the posts</label>
        <div className="not-found-search-row">
          <input id={`${id}-q`} name="q" type="search" autoComplete="off" enterKeyHint="search" />
          <button type="submit">Search</button>
        </div>
      </form>
      {recent.length > 0 && (
        <section aria-labelledby={`${id}-recent`}>
          <h2 id={`${id}-recent`} className="section-title">
            Recent posts
          </h2>
          <ul className="archive-list">
            {recent.map((post) => (
              <li key={post.slug}>
                <Link to={paths.post.href(post.slug)}>{post.title}</Link> <PostDate date={post.date} language={site?.language ?? defaultSite.language} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <HomeLink>Go to the home page</HomeLink>
      </p>
    </section>
  );
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

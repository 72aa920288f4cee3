import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { Pager } from '../components/pager';
import { PostCard } from '../components/post-card';
import { siteQuery, tagPageQuery } from '../content/queries';
import { pageNumber } from './page-number';

/** `/tags/:tag` and `/tags/:tag/page/:page`: a tag's posts, paged like the home page. */
export function TagPosts() {
  const params = useParams();
  const page = pageNumber(params.page);
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { data } = useSuspenseQuery(tagPageQuery(params.tag ?? '', page));
  const { tag } = data;
  const title = page === 1 ? `Posts tagged “${tag.name}”` : `Posts tagged “${tag.name}”, page ${page} of ${data.pageCount}`;
  return (
    <>
      <PageHead site={site} title={title} description={`${tag.count} posts about ${tag.name} on ${site.title}`} path={paths.tag.href(tag.slug, page)} />
      <p className="breadcrumb">
        <Link to={paths.tags.href()}>All tags</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="meta">
        {tag.count} {tag.count === 1 ? 'post' : 'posts'}
      </p>
      {data.posts.map((post) => (
        <PostCard key={post.slug} post={post} language={site.language} level={2} />
      ))}
      <Pager page={page} pageCount={data.pageCount} href={(number) => paths.tag.href(tag.slug, number)} />
    </>
  );
}

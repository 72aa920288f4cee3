import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { siteQuery, tagsQuery } from '../content/queries';

/** `/tags`: every tag with its post count, most used first. */
export function Tags() {
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { tags } = useSuspenseQuery(tagsQuery()).data;
  return (
    <>
      <PageHead site={site} title="Tags" description={`All topics on ${site.title}`} path={paths.tags.href()} />
      <h1 tabIndex={-1}>Tags</h1>
      {tags.length === 0 ? (
        <p>No tags yet.</p>
      ) : (
        <ul className="tag-cloud">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <Link to={paths.tag.href(tag.slug)}>
                {tag.name}{' '}
                <span className="count">
                  ({tag.count} {tag.count === 1 ? 'post' : 'posts'})
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

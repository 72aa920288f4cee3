import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { PostCard } from '../components/post-card';
import { seriesListQuery, seriesQuery, siteQuery } from '../content/queries';

const parts = (count: number) => `${count} ${count === 1 ? 'part' : 'parts'}`;

/** `/series`: every series with its number of parts. */
export function SeriesList() {
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { series } = useSuspenseQuery(seriesListQuery()).data;
  return (
    <>
      <PageHead site={site} title="Series" description={`Posts on ${site.title} that belong together, read in order`} path={paths.seriesList.href()} />
      <h1 tabIndex={-1}>Series</h1>
      {series.length === 0 ? (
        <p>No series yet.</p>
      ) : (
        <ul className="series-list">
          {series.map((one) => (
            <li key={one.slug}>
              <Link to={paths.series.href(one.slug)}>{one.name}</Link> <span className="count">({parts(one.count)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/series/:name`: one series' parts, oldest first, to be read in that order. */
export function SeriesPosts() {
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { data } = useSuspenseQuery(seriesQuery(useParams().name ?? ''));
  const { series } = data;
  return (
    <>
      <PageHead
        site={site}
        title={`Series: ${series.name}`}
        description={`${parts(series.count)} on ${series.name}, in order`}
        path={paths.series.href(series.slug)}
      />
      <p className="breadcrumb">
        <Link to={paths.seriesList.href()}>All series</Link>
      </p>
      <h1 tabIndex={-1}>Series: {series.name}</h1>
      <p className="meta">{parts(series.count)}, oldest first</p>
      <ol className="series-parts">
        {data.posts.map((post) => (
          <li key={post.slug}>
            <PostCard post={post} language={site.language} level={2} />
          </li>
        ))}
      </ol>
    </>
  );
}

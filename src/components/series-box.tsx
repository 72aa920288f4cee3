import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import type { PostFile } from '../content/schema';

/** "Part 2 of 3 in Memory triage": every part of the post's series in date order, this one marked. */
export function SeriesBox({ series, current }: { series: NonNullable<PostFile['series']>; current: string }) {
  const index = series.parts.findIndex((part) => part.slug === current);
  return (
    <aside className="series-box" aria-labelledby="series-heading">
      <p id="series-heading" className="series-heading">
        Part {index + 1} of {series.parts.length} in <Link to={paths.series.href(series.slug)}>{series.name}</Link>
      </p>
      <ol>
        {series.parts.map((part) =>
          part.slug === current ? (
            <li key={part.slug} aria-current="page">
              <strong>{part.title}</strong>
            </li>
          ) : (
            <li key={part.slug}>
              <Link to={paths.post.href(part.slug)}>{part.title}</Link>
            </li>
          ),
        )}
      </ol>
    </aside>
  );
}

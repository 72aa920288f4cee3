import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { PostDate } from '../components/post-date';
import { manifestQuery, siteQuery } from '../content/queries';
import type { PostMeta } from '../content/schema';

interface Month {
  key: string;
  month: number;
  posts: PostMeta[];
}
interface Year {
  year: number;
  count: number;
  months: Month[];
}

/** Posts grouped by year, then month, newest first; the manifest is already newest first. */
export function groupByMonth(posts: PostMeta[]): Year[] {
  const years: Year[] = [];
  for (const post of posts) {
    const year = Number(post.date.slice(0, 4));
    const month = Number(post.date.slice(5, 7));
    let group = years.at(-1);
    if (group?.year !== year) years.push((group = { year, count: 0, months: [] }));
    let monthGroup = group.months.at(-1);
    if (monthGroup?.month !== month) group.months.push((monthGroup = { key: post.date.slice(0, 7), month, posts: [] }));
    monthGroup.posts.push(post);
    group.count += 1;
  }
  return years;
}

/** `/archive`: the blog archive, each year a collapsible section with its months and posts. */
export function Archive() {
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { posts } = useSuspenseQuery(manifestQuery()).data;
  const monthName = new Intl.DateTimeFormat(site.language, { month: 'long', timeZone: 'UTC' });
  return (
    <>
      <PageHead site={site} title="Archive" description={`Every post on ${site.title}, by date`} path={paths.archive.href()} />
      <h1 tabIndex={-1}>Archive</h1>
      <p className="meta">
        {posts.length} {posts.length === 1 ? 'post' : 'posts'}
      </p>
      {groupByMonth(posts).map((year) => (
        <details key={year.year} className="archive-year" open>
          <summary>
            <h2>
              {year.year} <span className="count">({year.count})</span>
            </h2>
          </summary>
          {year.months.map((month) => (
            // Not a labelled region: months repeat across years, and a landmark per month would
            // bury the page's real ones; the headings already let a reader jump between months.
            <section key={month.key}>
              <h3>
                {monthName.format(new Date(Date.UTC(year.year, month.month - 1, 1)))} <span className="count">({month.posts.length})</span>
              </h3>
              <ul className="archive-list">
                {month.posts.map((post) => (
                  <li key={post.slug}>
                    <Link to={paths.post.href(post.slug)}>{post.title}</Link> <PostDate date={post.date} language={site.language} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      ))}
    </>
  );
}

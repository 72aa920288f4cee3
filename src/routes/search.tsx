import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore } from 'react';
import { Link, NavigationType, useNavigationType, useSearchParams } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { PostDate } from '../components/post-date';
import { TagList } from '../components/tag-list';
import { siteQuery } from '../content/queries';
import type { SearchPost } from '../search/engine';
import { Highlight } from '../search/highlight';
import { PAGE_LIMIT, searchIndexQuery, searchResultsQuery } from '../search/queries';
import { searchHref } from '../search/search-href';
import { countResults } from '../search/search-result';
import '../search/search.css';

const subscribeToNothing = () => () => {};

/** One found (or recent) post on the search page. */
function ResultCard({ post, terms, language, level }: { post: SearchPost; terms: readonly string[]; language: string; level: 2 | 3 }) {
  const titleId = `result-${post.slug}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="card" aria-labelledby={titleId}>
      <Heading className="card-title search-result-title" id={titleId}>
        <Link to={paths.post.href(post.slug)}>
          <Highlight text={post.title} terms={terms} />
        </Link>
      </Heading>
      <p className="meta">
        <PostDate date={post.date} language={language} />
      </p>
      <p className="excerpt search-result-excerpt">
        <Highlight text={post.excerpt} terms={terms} />
      </p>
      <TagList post={post} />
    </article>
  );
}

/** `/search?q=…`: the search box's results as a page that can be bookmarked, shared and gone back to. */
export function Search() {
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  // The pre-rendered page is the empty search whatever `?q=` a static host serves it at, so the
  // server and the hydrating render both show that; the query takes over right after hydration.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const urlQuery = hydrated ? (params.get('q') ?? '') : '';
  const { site } = useSuspenseQuery(siteQuery()).data;
  // Not suspense: the loader has it ready in the browser, and on the server it is never loaded.
  const engine = useQuery(searchIndexQuery());

  // The field answers the keyboard at once and the URL follows, a keystroke or two behind. Only
  // Back, Forward or a search from the header (not our own replacements) set the field.
  const navigationType = useNavigationType();
  const [text, setText] = useState(urlQuery);
  const [shownQuery, setShownQuery] = useState(urlQuery);
  if (urlQuery !== shownQuery) {
    setShownQuery(urlQuery);
    if (navigationType !== NavigationType.Replace) setText(urlQuery);
  }

  const results = useQuery({ ...searchResultsQuery(engine.data, text, PAGE_LIMIT), placeholderData: keepPreviousData });
  const typed = text.trim() !== '';
  const view = typed ? results.data : undefined;
  const shown = text.trim();

  let status = 'Type to search post titles, excerpts and tags.';
  if (engine.isError) status = `Search is unavailable: ${engine.error.message}`;
  else if (typed && !view) status = engine.data ? 'Searching…' : 'Loading search…';
  else if (view && view.total === 0) status = `No posts match “${shown}”.`;
  else if (view) {
    status = `${countResults(view.total)} for “${shown}”`;
    if (view.total > view.hits.length) status += `, the best ${view.hits.length} shown`;
  }

  return (
    <section className="search-page">
      <PageHead site={site} title={urlQuery.trim() ? `Search: ${urlQuery.trim()}` : 'Search'} path={searchHref(urlQuery)} noindex />
      <h1 tabIndex={-1}>Search</h1>
      <form className="search-form" role="search" aria-label="Posts" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId}>Search posts</label>
        <input
          id={inputId}
          type="search"
          value={text}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            // Replace, not push: Back should return to the previous search, not to each keystroke.
            setParams(next === '' ? {} : { q: next }, { replace: true, preventScrollReset: true });
          }}
        />
      </form>
      <p className="meta" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {view && view.total > 0 && (
        <ol className="search-results" aria-label="Search results">
          {view.hits.map((hit) => (
            <li key={hit.post.slug}>
              <ResultCard post={hit.post} terms={hit.terms} language={site.language} level={2} />
            </li>
          ))}
        </ol>
      )}
      {view && view.total === 0 && (
        <section aria-labelledby="search-recent">
          <h2 id="search-recent" className="section-title">
            Recent posts
          </h2>
          {view.recent.map((post) => (
            <ResultCard key={post.slug} post={post} terms={[]} language={site.language} level={3} />
          ))}
        </section>
      )}
    </section>
  );
}

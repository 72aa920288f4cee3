import { memo } from 'react';
import { PostDate } from '../components/post-date';
import type { SearchPost } from './engine';
import { Highlight } from './highlight';

/**
 * What a result says about its post: title, date and excerpt, matched words marked. Memoised:
 * each keystroke re-renders the box while the previous results stay on screen, and formatting
 * their dates again would cost more than the search itself.
 */
export const ResultSummary = memo(function ResultSummary({
  post,
  terms,
  language,
  titleId,
}: {
  post: SearchPost;
  terms: readonly string[];
  language: string;
  titleId: string;
}) {
  return (
    <>
      <span className="search-result-title" id={titleId}>
        <Highlight text={post.title} terms={terms} />
      </span>
      <span className="search-result-meta">
        <PostDate date={post.date} language={language} />
      </span>
      <span className="search-result-excerpt">
        <Highlight text={post.excerpt} terms={terms} />
      </span>
    </>
  );
});

/** "1 result", "12 results": the count a screen reader hears. */
export function countResults(total: number): string {
  return total === 1 ? '1 result' : `${total.toLocaleString('en')} results`;
}

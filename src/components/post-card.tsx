import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import type { PostMeta } from '../content/schema';
import { CoverImage } from './cover-image';
import { PostDate } from './post-date';
import { TagList } from './tag-list';

/**
 * One post in a listing: title, date, excerpt, tags. `featured` shows the long form with "Read more".
 * `level` is the title's heading level, one below the listing's own heading: h3 under the home
 * page's "Recent posts", h2 straight under a page's h1, so no level is skipped.
 */
export function PostCard({
  post,
  language,
  featured = false,
  level = featured ? 2 : 3,
}: {
  post: PostMeta;
  language: string;
  featured?: boolean;
  level?: 2 | 3;
}) {
  const href = paths.post.href(post.slug);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className={featured ? 'card card-featured' : 'card'} aria-labelledby={`card-${post.slug}`}>
      {featured && <p className="eyebrow">Featured</p>}
      <Heading className="card-title" id={`card-${post.slug}`}>
        <Link to={href}>{post.title}</Link>
        {post.draft && <span className="badge">Draft</span>}
        {post.scheduled && <span className="badge">Scheduled</span>}
      </Heading>
      <p className="meta">
        <PostDate date={post.date} language={language} /> · {post.readingTime} min read
      </p>
      {post.cover && post.image && <CoverImage cover={post.cover} image={post.image} />}
      <p className="excerpt">{post.excerpt}</p>
      {featured && (
        <p>
          <Link className="read-more" to={href} aria-label={`Read more: ${post.title}`}>
            Read more <span aria-hidden="true">→</span>
          </Link>
        </p>
      )}
      <TagList post={post} />
    </article>
  );
}

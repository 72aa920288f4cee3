import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import type { PostMeta } from '../content/schema';

/** A post's tags, each linking to its tag page; a list so screen readers announce how many. */
export function TagList({ post }: { post: Pick<PostMeta, 'tags' | 'tagSlugs'> }) {
  if (post.tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {post.tags.map((tag, index) => (
        <li key={tag}>
          {/* Data from an older build has no slugs: the tag is shown, not linked. */}
          {post.tagSlugs[index] ? (
            <Link to={paths.tag.href(post.tagSlugs[index])} aria-label={`Tag: ${tag}`}>
              {tag}
            </Link>
          ) : (
            tag
          )}
        </li>
      ))}
    </ul>
  );
}

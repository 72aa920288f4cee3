import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import { tagSlug } from '../content/tags';

/** A post's tags, each linking to its tag page; a list so screen readers announce how many. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={paths.tag.href(tagSlug(tag))} aria-label={`Tag: ${tag}`}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { PageHead } from '../app/head';
import { paths } from '../app/paths';
import { Article } from '../components/article/article';
import { CoverImage } from '../components/cover-image';
import { PostDate } from '../components/post-date';
import { SeriesBox } from '../components/series-box';
import { TagList } from '../components/tag-list';
import { TableOfContents } from '../components/toc/table-of-contents';
import { articleKey, previewFile } from '../content/files';
import { postQuery, siteQuery } from '../content/queries';
import type { PostLink } from '../content/schema';

/** Every post's link preview is a 1200×630 PNG the build makes (src/build/previews/). */
const PREVIEW_SIZE = { width: 1200, height: 630 };

/** A link to the older or newer post, or an empty cell that keeps the other in its column. */
function NeighbourLink({ post, rel, label }: { post: PostLink | null; rel: 'prev' | 'next'; label: string }) {
  if (!post) return <span />;
  return (
    <Link to={paths.post.href(post.slug)} rel={rel} className={`post-nav-${rel}`}>
      <span className="post-nav-label">{label}</span> <span>{post.title}</span>
    </Link>
  );
}

/** `/posts/:slug`: the post itself, then links to its neighbours. */
export function Post() {
  const slug = useParams().slug ?? '';
  const { site } = useSuspenseQuery(siteQuery()).data;
  const { data } = useSuspenseQuery(postQuery(slug));
  const { post } = data;
  return (
    <article className="post" aria-labelledby="post-title">
      <PageHead
        site={site}
        title={post.title}
        description={post.excerpt}
        path={paths.post.href(post.slug)}
        type="article"
        image={previewFile(post.slug)}
        imageSize={PREVIEW_SIZE}
        published={post.date}
        modified={post.updated}
        tags={post.tags}
        features={data.features}
      />
      <header className="post-header">
        <h1 id="post-title" tabIndex={-1}>
          {post.title}
          {post.draft && <span className="badge">Draft</span>}
          {post.scheduled && <span className="badge">Scheduled</span>}
        </h1>
        <p className="meta">
          <PostDate date={post.date} language={site.language} />
          {post.updated && (
            <>
              {' · '}
              <PostDate prefix="Updated " date={post.updated} language={site.language} />
            </>
          )}
          {' · '}
          {post.readingTime} min read
        </p>
        <TagList post={post} />
        {post.cover && post.image && <CoverImage cover={post.cover} image={post.image} priority />}
      </header>
      {data.series && <SeriesBox series={data.series} current={post.slug} />}
      <div className="post-body">
        {data.toc && <TableOfContents headings={data.headings} />}
        <Article articleKey={articleKey.post(post.slug)} markdown={data.markdown} assetBase={data.assetBase} images={data.images} features={data.features} />
      </div>
      {data.related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related posts</h2>
          <ul>
            {data.related.map((related) => (
              <li key={related.slug}>
                <Link to={paths.post.href(related.slug)}>{related.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(data.prev || data.next) && (
        <nav className="post-nav" aria-label="More posts">
          <NeighbourLink post={data.prev} rel="prev" label="Previous post" />
          <NeighbourLink post={data.next} rel="next" label="Next post" />
        </nav>
      )}
    </article>
  );
}

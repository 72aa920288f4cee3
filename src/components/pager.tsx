import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import { HomeLink } from './layout';

/** The home listing's first page is `/`, which needs HomeLink to keep its slash under a base path. */
function PageLink({ to, children, ...rest }: { to: string; children: ReactNode; rel?: string; 'aria-label'?: string }) {
  return to === paths.home.href() ? (
    <HomeLink {...rest}>{children}</HomeLink>
  ) : (
    <Link to={to} {...rest}>
      {children}
    </Link>
  );
}

/** Page numbers to show: the first, the last and two either side of the current one; null marks a gap. */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let number = 1; number <= pageCount; number += 1) {
    if (number === 1 || number === pageCount || Math.abs(number - page) <= 2) shown.push(number);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** Newer/older links and page numbers for a paged listing; long lists are windowed around the current page. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <PageLink to={href(page - 1)} rel="prev">
          <span aria-hidden="true">← </span>Newer posts
        </PageLink>
      ) : (
        <span />
      )}
      <ol>
        {pageWindow(page, pageCount).map((number, index) => (
          <li key={number ?? `gap-${index}`}>
            {number === null ? (
              <span aria-hidden="true">…</span>
            ) : number === page ? (
              <span aria-current="page" aria-label={`Page ${number}, current page`}>
                {number}
              </span>
            ) : (
              <PageLink to={href(number)} aria-label={`Page ${number}`}>
                {number}
              </PageLink>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <PageLink to={href(page + 1)} rel="next">
          Older posts<span aria-hidden="true"> →</span>
        </PageLink>
      ) : (
        <span />
      )}
    </nav>
  );
}

import { useQuery } from '@tanstack/react-query';
import { type AnchorHTMLAttributes, type ReactNode, useEffect, useRef, useState } from 'react';
import { NavigationType, NavLink, useHref, useLinkClickHandler, useLocation, useMatch, useNavigation, useNavigationType } from 'react-router-dom';
import { paths } from '../app/paths';
import { siteQuery } from '../content/queries';
import type { Site } from '../content/schema';
import { defaultSite } from '../content/site-defaults';
import { SearchField } from '../search/search-field';
import { ThemeToggle } from './theme-toggle';

/**
 * After a client-side navigation, moves focus to the new page's heading and announces its title,
 * as a full page load would. Skipped for the first render and for in-page `#hash` jumps.
 */
function useFocusOnNavigate(mainRef: React.RefObject<HTMLElement | null>) {
  const location = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);
  const navigationType = useNavigationType();
  const lastPathname = useRef(location.pathname);
  useEffect(() => {
    const samePage = lastPathname.current === location.pathname;
    lastPathname.current = location.pathname;
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return;
    // A page rewriting its own query string as the reader types (search's ?q=) is not a new page:
    // taking focus to the heading would pull the reader out of the field mid-word.
    if (samePage && navigationType === NavigationType.Replace) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? mainRef.current;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
    setAnnouncement(document.title);
  }, [location.pathname, location.search, location.hash, mainRef, navigationType]);
  return announcement;
}

/**
 * A link to the home page that keeps its trailing slash. Under a base path react-router writes `/`
 * as the bare base (`/blog`), which a static host answers with a redirect at best and a 404 at
 * worst; every other href already ends in a slash. `current` marks it as the page being shown.
 */
export function HomeLink({ current = false, children, ...rest }: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & { current?: boolean }) {
  const to = paths.home.href();
  const href = useHref(to);
  const onClick = useLinkClickHandler(to);
  const here = useMatch({ path: paths.home.pattern, end: true }) !== null;
  return (
    <a {...rest} href={href.endsWith('/') ? href : `${href}/`} onClick={onClick} aria-current={current && here ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** The frame around every page: skip link, header, main landmark, footer, navigation progress. */
export function Layout({ site, about = false, children }: { site: Pick<Site, 'title' | 'description' | 'author'>; about?: boolean; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const announcement = useFocusOnNavigate(mainRef);
  const navigation = useNavigation();
  const year = new Date().getFullYear();
  // The loaded settings win over the frame's: fallback and error frames are given defaults, and
  // only the query knows site.url, which decides whether feeds were written at all.
  const loaded = useQuery(siteQuery()).data?.site;
  const footerSite = loaded ?? { ...defaultSite, ...site };
  // "© Quire" would credit the software: a blog that has not named itself or its author gets no line.
  const holder = footerSite.author || (footerSite.title === defaultSite.title ? '' : footerSite.title);
  const base = import.meta.env.BASE_URL;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className={navigation.state === 'loading' ? 'progress progress-active' : 'progress'} aria-hidden="true" />
      <header className="site-header">
        <div className="header-inner">
          <HomeLink className="site-title">{site.title}</HomeLink>
          <nav aria-label="Main">
            <ul>
              <li>
                <HomeLink current>Home</HomeLink>
              </li>
              <li>
                <NavLink to={paths.tags.href()}>Tags</NavLink>
              </li>
              <li>
                <NavLink to={paths.archive.href()}>Archive</NavLink>
              </li>
              {about && (
                <li>
                  <NavLink to={paths.about.href()}>About</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <SearchField />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            {holder && (
              <>
                © {year} {holder}
                {footerSite.author && footerSite.title !== defaultSite.title && <> · {footerSite.title}</>}.{' '}
              </>
            )}
            Built with Quire.
          </p>
          {/* The build writes feeds only when site.url gives their entries absolute links. Plain
              anchors: the feeds are files, not routes. */}
          {footerSite.url && (
            <p className="feeds">
              Subscribe: <a href={`${base}rss.xml`}>RSS</a> · <a href={`${base}atom.xml`}>Atom</a> · <a href={`${base}feed.json`}>JSON Feed</a>
            </p>
          )}
        </div>
      </footer>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

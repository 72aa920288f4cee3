import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigation, useNavigationType } from 'react-router-dom';
import { paths } from '../app/paths';
import type { Site } from '../content/schema';
import { SearchBox } from '../search/search-box';
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
    if (samePage && navigationType === 'REPLACE') return;
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

/** The frame around every page: skip link, header, main landmark, footer, navigation progress. */
export function Layout({ site, about = false, children }: { site: Pick<Site, 'title' | 'description' | 'author'>; about?: boolean; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const announcement = useFocusOnNavigate(mainRef);
  const navigation = useNavigation();
  const year = new Date().getFullYear();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className={navigation.state === 'loading' ? 'progress progress-active' : 'progress'} aria-hidden="true" />
      <header className="site-header">
        <div className="header-inner">
          <Link className="site-title" to={paths.home.href()}>
            {site.title}
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to={paths.home.href()} end>
                  Home
                </NavLink>
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
          <SearchBox />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          © {year} {site.author || site.title}. Built with Quire.
        </p>
        {/* Plain anchors: the feeds are files, not routes. */}
        <p className="feeds">
          Subscribe: <a href={`${import.meta.env.BASE_URL}rss.xml`}>RSS</a> · <a href={`${import.meta.env.BASE_URL}atom.xml`}>Atom</a> ·{' '}
          <a href={`${import.meta.env.BASE_URL}feed.json`}>JSON Feed</a>
        </p>
      </footer>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

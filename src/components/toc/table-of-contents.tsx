import { type MouseEvent, useEffect, useState } from 'react';
import type { Heading } from '../../content/schema';
import { nestHeadings, type TocEntry } from './nest-headings';

/** Shorter posts are read in one glance; a contents list would only push them down. */
const TOC_MIN_HEADINGS = 3;
/** At this width the list becomes a sticky side column; keep in step with `reading.css`. */
const TOC_WIDE_QUERY = '(min-width: 72rem)';
/** A section counts as being read once its heading passes this fraction of the viewport's height. */
const READING_LINE = 0.3;

/**
 * Tracks the section being read: the first heading in the band between the window's top and the
 * reading line, else the last heading scrolled past. An IntersectionObserver whose root is that
 * band says when a heading enters or leaves it; nothing runs where the
 * API is missing (old browsers, the server, jsdom), and the list simply marks nothing.
 */
function useCurrentSection(ids: string[]) {
  const [current, setCurrent] = useState<string | null>(null);
  const key = ids.join('\n');
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const elements = key
      .split('\n')
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null);
    if (elements.length === 0) return;
    const update = () => {
      const line = window.innerHeight * READING_LINE;
      // A heading near the top of the window starts the section being read, even when the next
      // heading of a short section is close behind it (as right after following a link).
      let passed: string | null = null;
      let atTop: string | null = null;
      for (const element of elements) {
        const { top } = element.getBoundingClientRect();
        if (top > line) break;
        if (top < -2) passed = element.id;
        else atTop ??= element.id;
      }
      setCurrent(atTop ?? passed);
    };
    const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px` });
    for (const element of elements) observer.observe(element);
    return () => observer.disconnect();
  }, [key]);
  return [current, setCurrent] as const;
}

/**
 * Open on wide screens, where the list is a side column, and closed on phones, where it sits above
 * the post. Starts closed so the server's HTML and the first client render agree.
 */
function useOpenWhenWide() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const query = typeof window.matchMedia === 'function' ? window.matchMedia(TOC_WIDE_QUERY) : undefined;
    if (!query) return;
    const sync = () => setOpen(query.matches);
    sync();
    query.addEventListener('change', sync);
    return () => query.removeEventListener('change', sync);
  }, []);
  return [open, setOpen] as const;
}

const prefersMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: no-preference)').matches;

function TocList({
  entries,
  current,
  onNavigate,
}: {
  entries: TocEntry[];
  current: string | null;
  onNavigate: (event: MouseEvent<HTMLAnchorElement>, id: string) => void;
}) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`} aria-current={entry.id === current ? 'location' : undefined} onClick={(event) => onNavigate(event, entry.id)}>
            {entry.text}
          </a>
          {entry.children.length > 0 && <TocList entries={entry.children} current={current} onNavigate={onNavigate} />}
        </li>
      ))}
    </ol>
  );
}

/**
 * The post's h2 and h3 headings as links, for posts with at least `TOC_MIN_HEADINGS` of them. One
 * navigation landmark whose `<details>` is a collapsible block on phones and, opened by default, a
 * sticky side column on wide screens (`reading.css`). A link scrolls to its heading (smoothly
 * only when the reader allows motion), puts the heading's id in the URL and moves focus to it.
 */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  const shown = headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
  const [current, setCurrent] = useCurrentSection(shown.map((heading) => heading.id));
  const [open, setOpen] = useOpenWhenWide();
  if (shown.length < TOC_MIN_HEADINGS) return null;

  function navigate(event: MouseEvent<HTMLAnchorElement>, id: string) {
    // Let the browser handle new-tab and new-window clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView?.({ behavior: prefersMotion() ? 'smooth' : 'auto', block: 'start' });
    // Keep the router's state object so its history bookkeeping survives the hash change.
    window.history.replaceState(window.history.state, '', `#${id}`);
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    setCurrent(id);
  }

  return (
    <nav className="toc" aria-label="Table of contents">
      <details className="toc-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="toc-summary">Contents</summary>
        <TocList entries={nestHeadings(shown)} current={current} onNavigate={navigate} />
      </details>
    </nav>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../app/paths';
import { siteQuery } from '../content/queries';
import type { SearchHit, SearchPost } from './engine';
import { BOX_LIMIT, searchIndexQuery, searchResultsQuery } from './queries';
import { searchHref } from './search-href';
import { SEARCH_INPUT } from './search-field';
import { countResults, ResultSummary } from './search-result';

type Option = { kind: 'hit'; hit: SearchHit } | { kind: 'recent'; post: SearchPost } | { kind: 'all'; total: number };

export interface SearchBoxProps {
  /** The field, shared with the header's keyboard shortcuts. */
  inputRef: RefObject<HTMLInputElement | null>;
  /** What the reader typed into the placeholder field while this code loaded. */
  initialQuery?: string;
  /** Take the focus on mount: the reader was in the placeholder field. */
  takeFocus?: boolean;
}

/**
 * The search field in the header of every page: results appear as the reader types, in a
 * listbox driven from the field (the ARIA combobox pattern), so focus never leaves the field.
 * Its code loads when the field is first focused (see SearchField), and the index with it.
 */
export function SearchBox({ inputRef, initialQuery = '', takeFocus = false }: SearchBoxProps) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(takeFocus);
  const [active, setActive] = useState(-1);
  const [wanted, setWanted] = useState(takeFocus);
  // Only on mount: the reader's focus from the placeholder field carries over once, so the
  // prop's first value is kept and a later one ignored.
  const [focusOnMount] = useState(takeFocus);

  // In the commit that swaps the fields, before the browser paints or handles another key: with a
  // passive effect the focus sat on the page for a moment, and a key typed then was lost.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!focusOnMount || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [focusOnMount, inputRef]);

  const language = useQuery(siteQuery()).data?.site.language ?? 'en';
  const engine = useQuery({ ...searchIndexQuery(), enabled: wanted });
  const typed = query.trim() !== '';
  // Keeping the previous results while the next arrive stops the list flickering per keystroke.
  const results = useQuery({ ...searchResultsQuery(engine.data, query, BOX_LIMIT), placeholderData: keepPreviousData });
  const view = typed && !results.isError ? results.data : undefined;

  const options: Option[] = !view
    ? []
    : view.total === 0
      ? view.recent.map((post) => ({ kind: 'recent', post }))
      : [...view.hits.map((hit): Option => ({ kind: 'hit', hit })), ...(view.total > view.hits.length ? [{ kind: 'all', total: view.total } as const] : [])];
  const expanded = open && options.length > 0;
  // Results can arrive after the reader arrowed through the previous ones, and be fewer.
  const current = expanded && active < options.length ? active : -1;

  const activeId = current >= 0 ? optionId(current) : undefined;
  useEffect(() => {
    // The active option stays in the field's focus, so the browser will not scroll it into view.
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (option: Option) => {
    close();
    setQuery('');
    void navigate(option.kind === 'all' ? searchHref(query) : paths.post.href(option.kind === 'hit' ? option.hit.post.slug : option.post.slug));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // From the field, Down goes to the first option and Up to the last; both wrap around.
      setActive(current === -1 ? (step === 1 ? 0 : options.length - 1) : (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      if (event.nativeEvent.isComposing) return;
      event.preventDefault();
      const option = current >= 0 ? options[current] : undefined;
      if (option) choose(option);
      else if (typed) choose({ kind: 'all', total: view?.total ?? 0 });
    } else if (event.key === 'Escape') {
      // First Escape closes the list; a second clears the field, as in a native search field.
      if (expanded) {
        event.preventDefault();
        close();
      } else if (query !== '') {
        event.preventDefault();
        setQuery('');
      }
    }
  };

  const status =
    !open || !typed
      ? ''
      : engine.isError
        ? ''
        : !view || results.isPlaceholderData
          ? ''
          : view.total > 0
            ? countResults(view.total)
            : 'No results. Showing recent posts.';

  return (
    <div
      className="search-box"
      role="search"
      aria-label="Site"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) close();
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        Search posts
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        {...SEARCH_INPUT}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        value={query}
        onFocus={() => {
          setWanted(true);
          setOpen(true);
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        /
      </kbd>
      <div className="search-popup" hidden={!open || !typed}>
        {engine.isError ? (
          <p className="search-note">
            Search is unavailable: {engine.error.message}{' '}
            <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => void engine.refetch()}>
              Try again
            </button>
          </p>
        ) : results.isError ? (
          <p className="search-note">
            Could not load the results: {results.error.message}{' '}
            <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => void results.refetch()}>
              Try again
            </button>
          </p>
        ) : !view ? (
          <p className="search-note">Loading search…</p>
        ) : view.total === 0 ? (
          <p className="search-note">No posts match “{query.trim()}”. Recent posts:</p>
        ) : null}
        <ul id={listboxId} role="listbox" aria-label={view?.total === 0 ? 'Recent posts' : 'Search results'} className="search-options" hidden={!expanded}>
          {options.map((option, i) => (
            // The keyboard drives the options from the field (Up, Down, Enter; aria-activedescendant),
            // and an option never takes the focus, so a key handler here could never fire.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- keys are handled by the combobox input
            <li
              key={option.kind === 'all' ? 'all' : option.kind === 'hit' ? option.hit.post.slug : option.post.slug}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-labelledby={option.kind === 'all' ? undefined : `${optionId(i)}-title`}
              className={option.kind === 'all' ? 'search-option search-option-all' : 'search-option'}
              // Keeps focus in the field, so the click does not close the list before it lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.kind === 'all' ? (
                `See all ${countResults(option.total)}`
              ) : (
                <ResultSummary
                  post={option.kind === 'hit' ? option.hit.post : option.post}
                  terms={option.kind === 'hit' ? option.hit.terms : []}
                  language={language}
                  titleId={`${optionId(i)}-title`}
                />
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
    </div>
  );
}

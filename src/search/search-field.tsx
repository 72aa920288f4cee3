import { type ComponentType, useId, useRef, useState } from 'react';
import type { SearchBoxProps } from './search-box';
import { useSearchShortcuts } from './use-search-shortcuts';
import './search.css';

/**
 * What the field is, the same before and after the box takes over, so nothing changes on screen or
 * for a screen reader. Both inputs also write `role="combobox"` themselves, where jsx-a11y can see
 * it: through a spread it would check `aria-expanded` against an input's implicit textbox role.
 */
export const SEARCH_INPUT = {
  className: 'search-input',
  type: 'search',
  'aria-autocomplete': 'list',
  'aria-keyshortcuts': '/ Control+K Meta+K',
  placeholder: 'Search',
  autoComplete: 'off',
  spellCheck: false,
  enterKeyHint: 'search',
} as const;

let loaded: ComponentType<SearchBoxProps> | undefined;
const loadSearchBox = () => import('./search-box.tsx').then((module) => (loaded = module.SearchBox));

/**
 * The header's search field. Until the reader first focuses it (or presses `/` or Ctrl+K) it is
 * plain markup, the same as the search box's own, so the box's code, its results list and the
 * search engine stay out of every page's first load; on focus the box loads and takes over,
 * with the focus and whatever was typed meanwhile.
 */
export function SearchField() {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [Box, setBox] = useState<ComponentType<SearchBoxProps> | undefined>(() => loaded);
  const [handOver] = useState(() => ({ query: '', focused: false }));
  useSearchShortcuts(inputRef);

  if (Box) return <Box inputRef={inputRef} initialQuery={handOver.query} takeFocus={handOver.focused} />;

  const activate = () => {
    void loadSearchBox().then((SearchBox) => {
      // Read at the swap, not at the focus: the reader may have typed while the code loaded.
      const input = inputRef.current;
      handOver.query = input?.value ?? '';
      handOver.focused = input !== null && document.activeElement === input;
      setBox(() => SearchBox);
    });
  };
  return (
    <div className="search-box" role="search" aria-label="Site">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        Search posts
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        {...SEARCH_INPUT}
        // No aria-controls: the popup does not exist until the box loads, and a reference to an
        // absent element would be broken. Collapsed, aria-expanded={false} says all there is.
        // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- no listbox exists yet to control
        role="combobox"
        aria-expanded={false}
        onFocus={activate}
        // A pointer on its way to the field: start loading before the click lands.
        onPointerEnter={() => void loadSearchBox()}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}

import { useSyncExternalStore } from 'react';

/** Where the reader's choice is kept; public/theme.js reads the same key before first paint. */
const THEME_KEY = 'quire-theme';
type Theme = 'light' | 'dark';

// Old browsers and test DOMs have no matchMedia; they get the light default.
const darkQuery = () => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined);
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  const query = darkQuery();
  query?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', listener);
  };
}

function currentTheme(): Theme {
  const chosen = document.documentElement.getAttribute('data-theme');
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return darkQuery()?.matches ? 'dark' : 'light';
}

function setTheme(theme: Theme) {
  document.documentElement.setAttribute('data-theme', theme);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Blocked storage: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/**
 * Switches between light and dark and remembers the choice. The server does not know the
 * reader's theme, so it renders the button without a pressed state; the browser fills it in.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => null);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === null ? undefined : theme === 'dark'}
      onClick={() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark')}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}

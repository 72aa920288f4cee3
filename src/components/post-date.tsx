import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const readerLocale = () => navigator.language;

/**
 * Formats dates in the reader's locale. The server (and hydration) use the site's language so
 * the pre-rendered HTML and the first client render agree; React then switches to the reader's.
 */
export function useDateFormatter(siteLanguage: string) {
  const locale = useSyncExternalStore(subscribe, readerLocale, () => siteLanguage);
  return (date: string) => {
    const dateOnly = !date.includes('T');
    const value = new Date(dateOnly ? `${date}T00:00:00Z` : date);
    try {
      // A bare date means that calendar day everywhere, so it must not shift with the reader's time zone.
      return value.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', ...(dateOnly ? { timeZone: 'UTC' } : {}) });
    } catch {
      return date.slice(0, 10);
    }
  };
}

export function PostDate({ date, language, prefix }: { date: string; language: string; prefix?: string }) {
  const format = useDateFormatter(language);
  return (
    <>
      {prefix}
      <time dateTime={date}>{format(date)}</time>
    </>
  );
}

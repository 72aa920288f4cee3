import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const readerLocale = () => navigator.language;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and kind of date: creating them is the costly part of formatting. */
function formatter(locale: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${dateOnly}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
    // A bare date means that calendar day everywhere, so it must not shift with the reader's time zone.
    if (dateOnly) options.timeZone = 'UTC';
    try {
      cached = new Intl.DateTimeFormat(locale, options);
    } catch {
      cached = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * Formats dates in the reader's locale. The server (and hydration) use the site's language so
 * the pre-rendered HTML and the first client render agree; React then switches to the reader's.
 */
function useDateFormatter(siteLanguage: string) {
  const locale = useSyncExternalStore(subscribe, readerLocale, () => siteLanguage);
  return (date: string) => {
    const dateOnly = !date.includes('T');
    const value = new Date(dateOnly ? `${date}T00:00:00Z` : date);
    return Number.isNaN(value.getTime()) ? date.slice(0, 10) : formatter(locale, dateOnly).format(value);
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

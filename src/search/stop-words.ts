/**
 * English function words, left out of the index. They occur in nearly every post, so a query word
 * like `the` would score thousands of posts per keystroke while telling none of them apart; no
 * reader half-remembers a post by its `the`. Blogs in other languages are indexed whole.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at be because been before being between both but by
can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or
other our ours out over own same she should so some such than that the their theirs them then there
these they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours`.split(/\s+/),
);

/** The stop words for a site language such as `en` or `en-GB`; none for other languages. */
export function stopWordsFor(language: string): ReadonlySet<string> {
  return /^en\b/i.test(language) ? ENGLISH_STOP_WORDS : new Set();
}

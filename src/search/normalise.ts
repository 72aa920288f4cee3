/**
 * Text normalisation shared by indexing, querying and highlighting, so that a word is marked in
 * a result exactly when the index matched it.
 */

/** Whitespace and punctuation, as MiniSearch splits by default: `OOM-killer` is two words. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
/** The same, capturing, so splitting keeps the separators for rebuilding the text around marks. */
const SEPARATORS_KEPT = /([\n\r\p{Z}\p{P}]+)/u;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Folds a word to the form the index stores: decomposed (NFD), accents stripped, lower case, so
 * `Résumé`, `resume` and `RESUME` are one term.
 */
export function normaliseTerm(term: string): string {
  return term.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Splits text into words, dropping the whitespace and punctuation between them. */
export function tokenize(text: string): string[] {
  return text.split(SEPARATORS).filter((word) => word !== '');
}

/** Splits text into alternating words and separators whose concatenation is the original text. */
export function splitWords(text: string): { text: string; word: boolean }[] {
  return text
    .split(SEPARATORS_KEPT)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, word: !SEPARATORS.test(part) }));
}

import { normaliseTerm, splitWords } from './normalise.ts';

/** A run of text, marked when it is a word the search matched. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits text into runs, marking each whole word whose folded form is one of the matched terms.
 * Folding the same way as the index means `Résumé` is marked for a match on `resume`.
 */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  if (terms.length === 0) return [{ text, marked: false }];
  const wanted = new Set(terms);
  const parts: TextPart[] = [];
  for (const part of splitWords(text)) {
    const marked = part.word && wanted.has(normaliseTerm(part.text));
    const previous = parts[parts.length - 1];
    // Neighbouring runs of the same kind merge, so `<mark>` wraps single words, never fragments.
    if (previous && previous.marked === marked && !marked) previous.text += part.text;
    else parts.push({ text: part.text, marked });
  }
  return parts;
}

/** Text with the matched words wrapped in `<mark>`. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return <>{highlightParts(text, terms).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

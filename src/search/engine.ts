/**
 * The search itself: a MiniSearch index over titles, tags and excerpts, and the query logic on
 * top of it (prefix, typo tolerance, all-words-first ranking). Pure and synchronous, so the same
 * code runs in the app, in the benchmark and in the quality tests.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { PostMeta } from '../content/schema.ts';
import { normaliseTerm, tokenize } from './normalise.ts';

/** What search needs of a post: what it matches on and what a result shows. */
export type SearchPost = Pick<PostMeta, 'slug' | 'title' | 'date' | 'excerpt' | 'tags' | 'tagSlugs'>;

/** One post that matched a query. */
export interface SearchHit<P = SearchPost> {
  post: P;
  score: number;
  /** True when every word of the query matched; such posts rank above those matching some. */
  complete: boolean;
  /** The post's own words that matched, normalised: the words to mark in its title and excerpt. */
  terms: string[];
}

export interface SearchOutcome<P = SearchPost> {
  /** The best matches, best first, at most the limit asked for. */
  hits: SearchHit<P>[];
  /** How many posts matched in all. */
  total: number;
}

export interface SearchIndex<P = SearchPost> {
  /** How many posts are indexed. */
  readonly size: number;
  readonly miniSearch: MiniSearch<Indexed>;
  /** Every indexed word with its number of occurrences. */
  readonly vocabulary: SearchableMap<number>;
  /** Each post with its time, by its position in the order given, which is MiniSearch's id. */
  readonly entries: readonly { post: P; time: number }[];
  readonly stopWords: ReadonlySet<string>;
}

export interface IndexOptions {
  /** Normalised words left out of the index and of queries (see `stop-words.ts`). */
  stopWords?: ReadonlySet<string>;
}

/**
 * Longest query looked at. A pasted paragraph would otherwise become hundreds of fuzzy look-ups;
 * nobody half-remembers more than a title's worth of words.
 */
const MAX_QUERY_LENGTH = 200;
/** Most distinct words looked at, for the same reason. */
export const MAX_QUERY_WORDS = 8;
/**
 * Shorter words are matched whole: `me` would expand to every word starting with it, thousands
 * of posts per keystroke at 10,000 posts, for a prefix that tells nothing yet.
 */
const MIN_PREFIX_LENGTH = 3;
/** No real word is longer; fuzzy matching a longer one would only cost time. */
const MAX_FUZZY_LENGTH = 24;
/** Titles count most; tags are chosen words, so they count more than the excerpt's prose. */
const FIELD_BOOST = { title: 3, tags: 2, excerpt: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOST);

/**
 * Edits forgiven in a query word: none below four letters (too many short words lie one edit
 * apart), one from four, two from eight. Swapping two neighbouring letters counts as one edit.
 */
export function allowedEdits(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

interface QueryWord {
  word: string;
  /** Also match words that start with it. */
  prefix: boolean;
  /** Also match words a typo away. */
  fuzzy: boolean;
}

/**
 * The distinct normalised words of a query, capped in length and number, without stop words.
 * A stop word still being typed (`the` on the way to `theory`) stays, as a prefix only.
 */
export function queryWords(query: string, stopWords: ReadonlySet<string> = new Set()): QueryWord[] {
  const capped = query.slice(0, MAX_QUERY_LENGTH);
  const words = tokenize(capped)
    .map(normaliseTerm)
    .filter((word) => word !== '');
  const typing = capped.length === query.length && !/[\s\p{P}]$/u.test(capped);
  const seen = new Set<string>();
  const result: QueryWord[] = [];
  words.forEach((word, i) => {
    if (seen.has(word)) return;
    const last = typing && i === words.length - 1;
    const stop = stopWords.has(word);
    if (stop && !(last && word.length >= MIN_PREFIX_LENGTH)) return;
    seen.add(word);
    result.push({ word, prefix: word.length >= MIN_PREFIX_LENGTH, fuzzy: !stop });
  });
  return result.slice(0, MAX_QUERY_WORDS);
}

/** The word with each pair of neighbouring letters swapped, the commonest typo (`memroy`). */
function transpositions(word: string): string[] {
  const variants = new Set<string>();
  const letters = [...word];
  for (let i = 0; i + 1 < letters.length; i += 1) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    variants.add(swapped.join(''));
  }
  return [...variants];
}

/** MiniSearch's weights for prefix and fuzzy matches, so expanded words score as they would there. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/**
 * Word occurrences one keystroke may score. MiniSearch spends two to four microseconds on each,
 * so this keeps a keystroke within a few milliseconds at 10,000 posts, where a three-letter
 * prefix stands for hundreds of words and a topic word may occur thousands of times (measured
 * by `npm run bench:search`). Blogs of a few hundred posts never reach it.
 */
const QUERY_BUDGET = 2000;

interface Candidate {
  term: string;
  weight: number;
  occurrences: number;
}

/**
 * The indexed words a query word stands for, best first, with how much a match on each counts:
 * the word itself; longer words it starts; words within its allowed edits, where a swap of two
 * neighbouring letters counts as one edit although MiniSearch's Levenshtein distance counts two.
 */
function candidates(vocabulary: SearchableMap<number>, { word, prefix, fuzzy: typos }: QueryWord): Candidate[] {
  const found = new Map<string, Candidate>();
  const offer = (term: string, weight: number, occurrences: number) => {
    if (weight > (found.get(term)?.weight ?? 0)) found.set(term, { term, weight, occurrences });
  };
  const own = vocabulary.get(word);
  if (own !== undefined) offer(word, 1, own);
  if (prefix) {
    for (const [term, occurrences] of vocabulary.atPrefix(word)) {
      const extra = term.length - word.length;
      if (extra > 0) offer(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra), occurrences);
    }
  }
  const edits = typos && word.length <= MAX_FUZZY_LENGTH ? allowedEdits(word) : 0;
  if (edits > 0) {
    const fuzzy = (from: string, budget: number, spent: number) => {
      for (const [term, [occurrences, distance]] of vocabulary.fuzzyGet(from, budget)) {
        const total = distance + spent;
        if (total > 0) offer(term, (FUZZY_WEIGHT * term.length) / (term.length + total), occurrences);
      }
    };
    fuzzy(word, edits, 0);
    for (const swapped of transpositions(word)) fuzzy(swapped, edits - 1, 1);
  }
  // Closest first; among equals the rarer word, which costs less and tells posts apart better.
  return [...found.values()].sort((a, b) => b.weight - a.weight || a.occurrences - b.occurrences);
}

/**
 * Spends the query budget: first on the words as typed, rarest first, so a word too common to
 * tell posts apart is the one left out (the rarest is always kept); then on each word's prefix
 * and typo expansions, best first, sharing what is left evenly.
 */
function plan(vocabulary: SearchableMap<number>, words: QueryWord[]): (Map<string, number> | 'too-common')[] {
  const lists = words.map((word) => candidates(vocabulary, word));
  const kept = words.map(() => new Map<string, number>());
  let remaining = QUERY_BUDGET;
  const exact = words
    .map((word, i) => ({ i, candidate: lists[i]!.find((candidate) => candidate.term === word.word) }))
    .filter((entry): entry is { i: number; candidate: Candidate } => entry.candidate !== undefined)
    .sort((a, b) => a.candidate.occurrences - b.candidate.occurrences);
  exact.forEach(({ i, candidate }, n) => {
    if (n > 0 && candidate.occurrences > remaining) return;
    remaining -= candidate.occurrences;
    kept[i]!.set(candidate.term, candidate.weight);
  });
  let waiting = words.length;
  lists.forEach((list, i) => {
    let share = Math.max(0, remaining) / waiting;
    waiting -= 1;
    for (const { term, weight, occurrences } of list) {
      if (term === words[i]!.word || occurrences > share) continue;
      share -= occurrences;
      remaining -= occurrences;
      kept[i]!.set(term, weight);
    }
  });
  return kept.map((weights, i) => (weights.size === 0 && lists[i]!.length > 0 ? 'too-common' : weights));
}

/**
 * One field of a post as the index sees it: its words folded, without stop words, in order and
 * with repeats, since MiniSearch scores a word by how often it occurs in the field.
 */
interface FieldTerms {
  terms: string[];
  /**
   * How many distinct words the field had as written, stop words and case variants included:
   * the field length MiniSearch's BM25 scoring divides by, kept so an index built from terms
   * alone ranks exactly as one built from the text.
   */
  words: number;
}

/** The three fields search matches on, in {@link FIELD_BOOST} order. */
export interface PostFields {
  title: FieldTerms;
  tags: FieldTerms;
  excerpt: FieldTerms;
}

/** A post to index: what it matches on, how new it is, and what a hit hands back. */
export interface IndexDocument<P> {
  post: P;
  /** Greater is newer; only compared, so any order-preserving number will do. */
  time: number;
  fields: PostFields;
}

/**
 * Splits and folds a field's text as MiniSearch would with the engine's tokenizer: the work the
 * build does once so the browser indexes terms without folding them again.
 */
function fieldTerms(text: string, stopWords: ReadonlySet<string> = new Set()): FieldTerms {
  const tokens = tokenize(text);
  const terms: string[] = [];
  for (const token of tokens) {
    const term = normaliseTerm(token);
    if (term !== '' && !stopWords.has(term)) terms.push(term);
  }
  return { terms, words: new Set(tokens).size };
}

/** The fields of a post with its text: title, tags and excerpt. */
export function postFields(post: Pick<SearchPost, 'title' | 'tags' | 'excerpt'>, stopWords?: ReadonlySet<string>): PostFields {
  return { title: fieldTerms(post.title, stopWords), tags: fieldTerms(post.tags.join(' '), stopWords), excerpt: fieldTerms(post.excerpt, stopWords) };
}

/**
 * Marks a token that stands for a written word the index leaves out (a stop word, or a case
 * variant of a word already counted). No real token holds it: the tokenizer splits on spaces
 * and folded words contain no control characters.
 */
const PADDING = '\u0000';

/**
 * The tokens MiniSearch is given for a field: its terms, then one padding token per written word
 * beyond the distinct terms, so that MiniSearch, which takes a field's length to be its number of
 * distinct tokens, sees the length the text had.
 */
function fieldTokens({ terms, words }: FieldTerms): string[] {
  const tokens = [...terms];
  for (let i = new Set(terms).size; i < words; i += 1) tokens.push(`${PADDING}${i}`);
  return tokens;
}

interface Indexed {
  id: number;
  fields: PostFields;
}

/**
 * Indexes documents for {@link searchPosts}: the engine behind {@link createSearchIndex}, and what
 * the browser builds from the search index file, whose posts carry terms rather than text.
 */
export function createIndex<P>(documents: readonly IndexDocument<P>[], options: IndexOptions = {}): SearchIndex<P> {
  const stopWords = options.stopWords ?? new Set<string>();
  // The counts bound what a query word may expand to.
  const occurrences = new Map<string, number>();
  const miniSearch = new MiniSearch<Indexed>({
    idField: 'id',
    fields: FIELDS,
    extractField: (document, field) => (field === 'id' ? document.id : fieldTokens(document.fields[field as keyof PostFields]).join(' ')),
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => {
      if (term.startsWith(PADDING)) return null;
      occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
      return term;
    },
    // Queries arrive as indexed words already (see `plan`), so they are looked up as they are.
    searchOptions: { boost: FIELD_BOOST, tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  miniSearch.addAll(documents.map((document, id) => ({ id, fields: document.fields })));
  // MiniSearch keeps its own word tree private, so a small one of the vocabulary serves prefix
  // and typo expansion, with each word's occurrences to spend the budget by.
  const vocabulary = new SearchableMap<number>();
  for (const [term, count] of occurrences) vocabulary.set(term, count);
  const entries = documents.map(({ post, time }) => ({ post, time }));
  return { size: documents.length, miniSearch, vocabulary, entries, stopWords };
}

/**
 * Indexes posts by their text for {@link searchPosts}. The same as building the search files and
 * indexing those (see `search-data.ts`), which is what the quality tests rely on.
 */
export function createSearchIndex<P extends SearchPost>(posts: readonly P[], options: IndexOptions = {}): SearchIndex<P> {
  const documents = posts.map((post) => ({ post, time: Date.parse(post.date) || 0, fields: postFields(post, options.stopWords) }));
  return createIndex(documents, options);
}

interface Ranked<P> extends SearchHit<P> {
  time: number;
}

/** Scores within a millionth of each other are a tie, which the newer post wins. */
const tied = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

function better<P>(a: Ranked<P>, b: Ranked<P>): boolean {
  if (a.complete !== b.complete) return a.complete;
  if (!tied(a.score, b.score)) return a.score > b.score;
  return a.time > b.time;
}

/**
 * Finds the posts matching a query, best first: posts matching every word before posts matching
 * some, then by score (title over tags over excerpt), then newest first.
 */
export function searchPosts<P>(index: SearchIndex<P>, query: string, limit = 10): SearchOutcome<P> {
  const words = queryWords(query, index.stopWords);
  if (words.length === 0) return { hits: [], total: 0 };

  // Which query words each looked-up term stands for, to tell how many words a post matched.
  const wordsOf = new Map<string, number>();
  const queries: Query[] = [];
  // Words left out as too common do not have to match; a word matching nothing does, so then
  // no post matches all words and the best partial matches are shown.
  let required = 0;
  plan(index.vocabulary, words).forEach((weights, i) => {
    if (weights === 'too-common') return;
    required += 1;
    if (weights.size === 0) return;
    for (const term of weights.keys()) wordsOf.set(term, (wordsOf.get(term) ?? 0) | (1 << i));
    queries.push({ combineWith: 'OR', queries: [[...weights.keys()].join(' ')], boostTerm: (term: string) => weights.get(term) ?? 0 });
  });

  // One OR query rather than an AND query followed by an OR one: a post matching every word is
  // exactly an AND match, and one pass halves the work per keystroke.
  const results: SearchResult[] = index.miniSearch.search({ combineWith: 'OR', queries });
  const best: Ranked<P>[] = [];
  for (const result of results) {
    let matched = 0;
    for (const term of result.queryTerms) matched |= wordsOf.get(term) ?? 0;
    let count = 0;
    for (let bits = matched; bits; bits &= bits - 1) count += 1;
    // MiniSearch multiplies by the number of terms matched; count query words instead, so a word
    // matched as both `memory` and `memo` does not count twice.
    const score = (result.score / result.queryTerms.length) * count;
    const complete = count === required;
    // Only the best few are shown: a match that cannot make the list costs no more than this.
    const worst = best.length === limit ? best[limit - 1]! : undefined;
    if (worst?.complete && !complete) continue;
    if (worst && worst.complete === complete && score < worst.score && !tied(score, worst.score)) continue;
    const entry = index.entries[result.id as number]!;
    const hit: Ranked<P> = { post: entry.post, time: entry.time, score, complete, terms: result.terms };
    if (worst && !better(hit, worst)) continue;
    let at = best.length;
    while (at > 0 && better(hit, best[at - 1]!)) at -= 1;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return { hits: best.map(({ post, score, complete, terms }) => ({ post, score, complete, terms })), total: results.length };
}

/** The newest posts, offered when a query matches nothing. One pass, not a sort: this runs per keystroke. */
export function recentPosts<P>(index: SearchIndex<P>, count = 5): P[] {
  const newest: { post: P; time: number }[] = [];
  for (const entry of index.entries) {
    if (newest.length === count && entry.time <= newest[count - 1]!.time) continue;
    const at = newest.findIndex((other) => entry.time > other.time);
    newest.splice(at === -1 ? newest.length : at, 0, entry);
    if (newest.length > count) newest.pop();
  }
  return newest.map((entry) => entry.post);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WORDS, allowedEdits, createSearchIndex, queryWords, searchPosts } from '../../src/search/engine';
import { highlightParts } from '../../src/search/highlight';
import { normaliseTerm } from '../../src/search/normalise';
import { ENGLISH_STOP_WORDS, stopWordsFor } from '../../src/search/stop-words';
import { searchManifest } from './fixture';

const manifest = searchManifest();
const index = createSearchIndex(manifest.posts, { stopWords: ENGLISH_STOP_WORDS });

describe('normaliseTerm', () => {
  it.each([
    ['Résumé', 'resume'],
    ['NAÏVE', 'naive'],
    ['Ångström', 'angstrom'],
    ['iptables', 'iptables'],
  ])('folds %s to %s', (word, folded) => {
    expect(normaliseTerm(word)).toBe(folded);
  });

  it('is idempotent, so queries folded twice still match the index', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (word) => normaliseTerm(normaliseTerm(word)) === normaliseTerm(word)));
  });
});

describe('allowedEdits', () => {
  it.each([
    ['kvm', 0],
    ['oom', 0],
    ['pages', 1],
    ['latency', 1],
    ['iptables', 2],
  ])('allows %s %i edits', (word, edits) => {
    expect(allowedEdits(word)).toBe(edits);
  });
});

describe('queryWords', () => {
  it('drops stop words except one still being typed, which may begin a longer word', () => {
    expect(queryWords('the oom killer', ENGLISH_STOP_WORDS).map((word) => word.word)).toEqual(['oom', 'killer']);
    expect(queryWords('oom the', ENGLISH_STOP_WORDS)).toEqual([
      { word: 'oom', prefix: true, fuzzy: true },
      { word: 'the', prefix: true, fuzzy: false },
    ]);
    expect(queryWords('oom the ', ENGLISH_STOP_WORDS).map((word) => word.word)).toEqual(['oom']);
  });

  it('keeps each word once and at most eight of them', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    expect(queryWords(`${words.join(' ')} ${words.join(' ')}`)).toHaveLength(MAX_QUERY_WORDS);
    expect(queryWords('kvm KVM kvm').map((word) => word.word)).toEqual(['kvm']);
  });

  it('uses English stop words only for English sites', () => {
    expect(stopWordsFor('en-GB').has('the')).toBe(true);
    expect(stopWordsFor('fr').size).toBe(0);
  });
});

describe('searchPosts', () => {
  it('answers any text without throwing, within the limit, complete matches first', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1200 }), fc.integer({ min: 1, max: 20 }), (query, limit) => {
        const { hits, total } = searchPosts(index, query, limit);
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(total).toBeGreaterThanOrEqual(hits.length);
        const firstPartial = hits.findIndex((hit) => !hit.complete);
        if (firstPartial !== -1) expect(hits.slice(firstPartial).every((hit) => !hit.complete)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a post by any word of its title, however it is cased or accented', () => {
    fc.assert(
      fc.property(fc.constantFrom(...manifest.posts), fc.nat(), fc.boolean(), (post, pick, upper) => {
        const words = post.title.split(/[\s\p{P}]+/u).filter((word) => word.length > 3 && !ENGLISH_STOP_WORDS.has(normaliseTerm(word)));
        fc.pre(words.length > 0);
        const word = words[pick % words.length]!;
        const found = searchPosts(index, upper ? word.toUpperCase() : word, 50).hits.map((hit) => hit.post.slug);
        expect(found).toContain(post.slug);
      }),
    );
  });
});

describe('highlightParts', () => {
  it('marks whole words whose folded form matched', () => {
    expect(highlightParts('Résumé of a year running Ceph', ['resume', 'ceph'])).toEqual([
      { text: 'Résumé', marked: true },
      { text: ' of a year running ', marked: false },
      { text: 'Ceph', marked: true },
    ]);
  });

  it('never changes the text, only where the marks go', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string()), (text, terms) => {
        expect(
          highlightParts(text, terms)
            .map((part) => part.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });
});

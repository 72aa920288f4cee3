import { describe, expect, it } from 'vitest';
import { createSearchIndex, recentPosts, searchPosts } from '../../src/search/engine';
import { stopWordsFor } from '../../src/search/stop-words';
import { searchManifest } from './fixture';

const manifest = searchManifest();
const index = createSearchIndex(manifest.posts, { stopWords: stopWordsFor(manifest.site.language) });
const slugs = (query: string) => searchPosts(index, query, 20).hits.map((hit) => hit.post.slug);

/** What a query must return: the leading results in order, and posts it must or must not find. */
interface Expectation {
  query: string;
  top?: string[];
  includes?: string[];
  excludes?: string[];
  none?: true;
}

const table: Record<string, Expectation[]> = {
  'matches words by their beginning': [
    { query: 'mem', top: ['memory-overcommit'], includes: ['oom-killer', 'shell-memoization'] },
    { query: 'ipt', top: ['nftables-migration', 'iptables-persistent'] },
    { query: 'kvm lat', top: ['kvm-latency'] },
    // Two letters say too little to expand: only the word `ip` itself would match.
    { query: 'ip', none: true },
  ],
  'forgives one typo from four letters and two from eight, a swap counting as one': [
    { query: 'iptabels', top: ['nftables-migration', 'iptables-persistent'] },
    { query: 'ibtabels', top: ['nftables-migration', 'iptables-persistent'] },
    { query: 'memroy', top: ['memory-overcommit', 'oom-killer'] },
    { query: 'latecny', top: ['kvm-latency'] },
    { query: 'virtualisation', top: ['kvm-latency'] },
    { query: 'kvn latency', top: ['kvm-latency'] },
    { query: 'kvn', none: true },
    { query: 'mamery', none: true },
    { query: 'ibtabelz', none: true },
  ],
  'ignores case and accents': [
    { query: 'resume', top: ['ceph-year'] },
    { query: 'RESUME', top: ['ceph-year'] },
    { query: 'Résumé', top: ['ceph-year'] },
    { query: 'naive', top: ['cafe-espresso'] },
    { query: 'CAFÉ', top: ['cafe-espresso'] },
  ],
  'ranks posts matching every word above posts matching some': [
    { query: 'oom memory', top: ['oom-killer', 'memory-overcommit'] },
    { query: 'dirty pages', top: ['page-cache-tuning', 'nfs-stalls', 'huge-pages-postgres'] },
    { query: 'iptables nftables', top: ['nftables-migration', 'iptables-persistent'] },
    { query: 'the oom', top: ['oom-killer'] },
  ],
  'ranks title matches above excerpt matches, counts tags, and lets the newer post win a tie': [
    { query: 'rules', top: ['iptables-persistent', 'nftables-migration'] },
    { query: 'latency', top: ['kvm-latency', 'round-trips'] },
    { query: 'databases', top: ['page-cache-tuning', 'huge-pages-postgres'] },
    { query: 'virtualization', top: ['kvm-latency'] },
    { query: 'backups', top: ['weekly-notes-backups-2', 'weekly-notes-backups-1'] },
  ],
  'finds nothing for words no post has': [
    { query: 'zzzz', none: true },
    { query: 'the', none: true },
    { query: '  ,;  ', none: true },
  ],
};

describe('search quality over the fixture posts', () => {
  for (const [behaviour, rows] of Object.entries(table)) {
    describe(behaviour, () => {
      it.each(rows)('$query', ({ query, top, includes, excludes, none }) => {
        const found = slugs(query);
        if (none) expect(found).toEqual([]);
        if (top) expect(found.slice(0, top.length)).toEqual(top);
        for (const slug of includes ?? []) expect(found).toContain(slug);
        for (const slug of excludes ?? []) expect(found).not.toContain(slug);
      });
    });
  }

  it('marks the words a post matched in the form the post uses them', () => {
    const [hit] = searchPosts(index, 'résumé ceph', 1).hits;
    expect(hit?.terms.sort()).toEqual(['ceph', 'resume']);
    const [prefix] = searchPosts(index, 'ipt', 1).hits;
    expect(prefix?.terms).toEqual(['iptables']);
  });

  it('counts every match but returns only as many as asked, best first', () => {
    const outcome = searchPosts(index, 'memory', 2);
    expect(outcome.total).toBe(4);
    expect(outcome.hits.map((hit) => hit.post.slug)).toEqual(['memory-overcommit', 'oom-killer']);
  });

  it('looks at no more than eight words, so a pasted paragraph costs no more than a title', () => {
    const filler = 'alpha bravo charlie delta echo foxtrot golf hotel';
    expect(slugs(`${filler} kvm`)).toEqual([]);
    expect(slugs(`kvm ${filler}`)).toEqual(['kvm-latency']);
  });

  it('offers the newest posts when nothing matches', () => {
    expect(recentPosts(index, 3).map((post) => post.slug)).toEqual(['nftables-migration', 'memory-overcommit', 'oom-killer']);
  });
});

// Deterministic synthetic blogs for the search benchmark: posts shaped like the manifest's
// PostMeta, with a vocabulary that grows with the blog as a real one does (a Zipf-distributed mix
// of common technical words and rarer, made-up ones), so index size and fuzzy look-ups are realistic.

/** Small seeded PRNG (mulberry32): the same seed gives the same blog on every run. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COMMON = `the a of to and in is for on with how why when what it this that from by your at not
without after before into over under more less than fast slow linux kernel memory page cache disk network
packet socket tcp udp dns http proxy server client latency throughput bandwidth queue thread process signal
file system mount nfs ext4 xfs btrfs zfs raid lvm block device driver module boot grub systemd service unit
timer cron log journal audit security firewall iptables nftables conntrack route bridge vlan bond tunnel vpn
wireguard ssh tls certificate key rsa ecdsa hash password user group permission selinux apparmor container
docker podman kubernetes pod node cluster scheduler cgroup namespace seccomp capability kvm qemu virtual
machine hypervisor guest host cpu core numa interrupt irq softirq tick clock time ntp chrony perf trace
ftrace ebpf bpftrace probe profile flame graph benchmark regression bug fix patch release upgrade migration
database postgres mysql sqlite redis index query transaction lock deadlock replication backup restore
snapshot compression zstd gzip archive storage object bucket s3 api rest json yaml config template build
compile linker library python rust go javascript typescript react browser render layout style font image
video audio stream buffer pipe shell bash script awk sed grep regex unicode utf encoding locale oom killer
swap overcommit huge pages allocator malloc leak heap stack garbage collector pause tuning sysctl limit
quota pressure stall psi monitoring metrics prometheus grafana alert dashboard incident postmortem outage
debugging lessons notes reading writing learning running measuring reducing fixing finding building`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = 'ka ri to me na lu sen vor tal pi qua dex mo ren ith al ver cor ban sil tu ro fe zan gri hol op ex ul nim'.split(' ');

function madeUpWord(rand) {
  const length = 2 + Math.floor(rand() * 3);
  let word = '';
  for (let i = 0; i < length; i += 1) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return word;
}

/**
 * `count` posts, newest first, with titles of 3 to 9 words, excerpts of 25 to 60 words (the build
 * cuts excerpts at 60) and one to four tags.
 */
export function generatePosts(count, seed = 42) {
  const rand = random(seed);
  // Heaps' law: a blog's vocabulary grows roughly with the square root of its text.
  const vocabulary = [...COMMON];
  const seen = new Set(vocabulary);
  const target = COMMON.length + Math.round(25 * Math.sqrt(count * 60));
  while (vocabulary.length < target) {
    const word = madeUpWord(rand);
    if (!seen.has(word)) {
      seen.add(word);
      vocabulary.push(word);
    }
  }
  // Zipf: the k-th word is drawn with weight 1/k, so common words dominate as in real prose.
  const cumulative = [];
  let sum = 0;
  for (let k = 1; k <= vocabulary.length; k += 1) cumulative.push((sum += 1 / k));
  const pick = () => {
    const r = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  const words = (min, max) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, pick);
  const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const tags = COMMON.slice(40, 190);

  const start = Date.UTC(2025, 0, 1);
  const posts = [];
  for (let i = 0; i < count; i += 1) {
    const title = capitalise(words(3, 9).join(' '));
    const excerptWords = words(25, 60);
    const excerpt = `${capitalise(excerptWords.join(' '))}${excerptWords.length === 60 ? '…' : '.'}`;
    posts.push({
      slug: `post-${i}`,
      title,
      date: new Date(start - i * 8 * 3600 * 1000).toISOString().slice(0, 10),
      tags: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => tags[Math.floor(rand() * tags.length)]))],
      excerpt,
      readingTime: 2 + Math.floor(rand() * 12),
      featured: i % 97 === 0,
    });
  }
  return posts;
}

/**
 * Keystrokes of readers typing half-remembered queries: each query typed a letter at a time
 * (every prefix is one keystroke), some with typos, plus a pasted 1,000-character query.
 */
export function generateKeystrokes(posts, queryCount = 40, seed = 7) {
  const rand = random(seed);
  const typo = (word) => {
    if (word.length < 4) return word;
    const i = 1 + Math.floor(rand() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  const keystrokes = [];
  for (let q = 0; q < queryCount; q += 1) {
    const post = posts[Math.floor(rand() * posts.length)];
    const source = rand() < 0.6 ? post.title : post.excerpt;
    const all = source.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter(Boolean);
    const from = Math.floor(rand() * Math.max(1, all.length - 3));
    let chosen = all.slice(from, from + 1 + Math.floor(rand() * 3));
    if (rand() < 0.3) chosen = chosen.map((word, i) => (i === 0 ? typo(word) : word));
    const query = chosen.join(' ');
    for (let end = 1; end <= query.length; end += 1) keystrokes.push(query.slice(0, end));
  }
  const long = Array.from({ length: 400 }, () => COMMON[Math.floor(rand() * COMMON.length)]).join(' ').slice(0, 1000);
  keystrokes.push(long, `${long.slice(0, 999)}x`);
  return keystrokes;
}

// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/build/load-content.ts';
import { readFrontMatter } from '../../src/build/front-matter.ts';
import { USAGE, runCli } from '../../src/import/blogger/cli.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'quire-blogger-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = (name: string) => path.resolve('test/fixtures/blogger', name);
let runs = 0;
const freshDir = () => path.join(work, `run-${++runs}`);

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Front matter and body of an imported post, as Quire's own front matter reader splits them. */
function readPost(file: string) {
  const read = readFrontMatter(readFileSync(file, 'utf8'), file);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return { data: read.block.data, body: read.block.body };
}

function importInto(name: string) {
  const content = freshDir();
  const out = path.join(content, 'posts');
  const result = run(fixture(name), '--out', out);
  return { ...result, content, dir: out, files: existsSync(out) ? readdirSync(out).sort() : [] };
}

describe.each([
  {
    name: 'classic.xml',
    summary:
      'Imported 9 posts (1 draft) into OUT; skipped 4 comments, 1 page, 2 settings, 1 template entry; renamed 1 reused slug: quick-notes -> quick-notes-2',
    files: [
      'blog-post.md',
      'covid-in-india.md',
      'draft-tuning-vm-swappiness.md',
      'ipsec-between-two-offices.md',
      'kvm-guests-and-memory-ballooning.md',
      'nfs-hangs-and-hard-mount-option.md',
      'quick-notes-2.md',
      'quick-notes.md',
      'why-oom-killer-picked-my-database.md',
    ],
  },
  {
    name: 'current.xml',
    summary:
      'Imported 7 posts (2 drafts) into OUT; skipped 3 comments, 1 page, 1 trashed post; renamed 1 reused slug: iptables-rules -> iptables-rules-2; titled 1 untitled post by date',
    files: [
      'blog-post.md',
      'ipsec-between-two-offices-part-two.md',
      'iptables-rules-2.md',
      'iptables-rules.md',
      'overcommit-explained.md',
      'sir-मॉडल-तीन-समूह.md',
      'stale-nfs-file-handles.md',
    ],
  },
])('importing $name', ({ name, summary, files }) => {
  const imported = importInto(name);

  it('writes one post per blog post and says what it skipped', () => {
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(summary.replace('OUT', imported.dir));
    expect(imported.files).toEqual(files);
  });

  it("is accepted by Quire's content loader, drafts included, with the slugs of the file names", () => {
    const content = loadContent(imported.content, { drafts: true });
    expect(content.posts.map((post) => `${post.meta.slug}.md`).sort()).toEqual(files);
    const published = loadContent(imported.content, { drafts: false }).posts;
    expect(published.length).toBe(files.length - content.posts.filter((post) => post.meta.draft).length);
  });
});

describe('an imported post', () => {
  const { dir: out } = importInto('classic.xml');
  const { dir: currentOut } = importInto('current.xml');

  it('carries title, dates with their offset, labels and the old path', () => {
    expect(readPost(path.join(out, 'covid-in-india.md')).data).toEqual({
      title: 'Covid in India: a simple growth model',
      date: '2021-05-03T10:12:00+05:30',
      updated: '2021-05-05T18:40:11+05:30',
      tags: ['epidemiology', 'models'],
      aliases: ['/2021/05/covid-in-india.html'],
    });
  });

  it('keeps a draft a draft, slugged from its title, with no old path', () => {
    expect(readPost(path.join(out, 'draft-tuning-vm-swappiness.md')).data).toMatchObject({ title: 'Draft: tuning vm.swappiness', draft: true });
    expect(readPost(path.join(out, 'draft-tuning-vm-swappiness.md')).data).not.toHaveProperty('aliases');
    expect(readPost(path.join(currentOut, 'sir-मॉडल-तीन-समूह.md')).data).toMatchObject({
      title: 'SIR मॉडल: तीन समूह',
      draft: true,
      tags: ['epidemiology', 'हिंदी'],
    });
  });

  it('imports a scheduled post as a draft and keeps the meta description', () => {
    expect(readPost(path.join(currentOut, 'ipsec-between-two-offices-part-two.md')).data).toMatchObject({ draft: true });
    expect(readPost(path.join(currentOut, 'stale-nfs-file-handles.md')).data).toMatchObject({
      description: 'Why a server reboot leaves clients with ESTALE, and the fsid fix.',
    });
  });

  it('keeps the oldest of two posts that reused a slug under the plain slug, and both old paths', () => {
    expect(readPost(path.join(out, 'quick-notes.md')).data).toMatchObject({ date: '2020-01-09T11:45:00+05:30', aliases: ['/2020/01/quick-notes.html'] });
    expect(readPost(path.join(out, 'quick-notes-2.md')).data).toMatchObject({ date: '2020-06-18T19:20:00+05:30', aliases: ['/2020/06/quick-notes.html'] });
  });

  it('has its body as markdown, with the jump break as the excerpt marker', () => {
    const { body } = readPost(path.join(out, 'why-oom-killer-picked-my-database.md'));
    expect(body).toContain("```bash\n$ dmesg | grep -i -A2 'killed process'\n");
    expect(body).toContain('\n<!-- more -->\n');
    expect(body).toContain('![oom_score of the top five processes](https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhOomScore/s1600/oom-score.png)');
    expect(body).toContain('- capped the CI jobs with a memory cgroup\n  - memory.max = 4G\n');
    expect(body.replace('<!-- more -->', '')).not.toMatch(/<|style=|&nbsp;/);
  });

  it('gets a title made from its date when Blogger had none', () => {
    expect(readPost(path.join(currentOut, 'blog-post.md')).data).toMatchObject({ title: 'Untitled (2022-05-07)', aliases: ['/2022/05/blog-post.html'] });
  });

  it('has front matter that survives hostile titles and labels', () => {
    const dir = freshDir();
    const xml = readFileSync(fixture('current.xml'), 'utf8')
      .replace('<title>Overcommit, explained</title>', '<title>---\nnull: "yes" #1 &amp; [x]</title>')
      .replace("term='OOM'", "term='true'");
    writeFileSync(path.join(work, 'hostile.xml'), xml);
    expect(run(path.join(work, 'hostile.xml'), '--out', path.join(dir, 'posts')).code).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'posts/overcommit-explained.md'), 'utf8').split(/^---$/m)[1]!);
    expect(data.title).toBe('---\nnull: "yes" #1 & [x]');
    expect(data.tags).toEqual(['linux', 'memory', 'true']);
    expect(() => loadContent(dir, { drafts: true })).not.toThrow();
  });
});

describe('existing files', () => {
  it('are never overwritten without --force: the import lists them and writes nothing', () => {
    const out = path.join(freshDir(), 'posts');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'quick-notes.md'), 'mine\n');
    const result = run(fixture('classic.xml'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`Nothing imported: this file exists (use --force to overwrite):\n  ${path.join(out, 'quick-notes.md')}`);
    expect(readdirSync(out)).toEqual(['quick-notes.md']);
    expect(readFileSync(path.join(out, 'quick-notes.md'), 'utf8')).toBe('mine\n');
  });

  it('are overwritten with --force', () => {
    const out = path.join(freshDir(), 'posts');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'quick-notes.md'), 'mine\n');
    expect(run(fixture('classic.xml'), '--out', out, '--force').code).toBe(0);
    expect(readFileSync(path.join(out, 'quick-notes.md'), 'utf8')).toContain('title: Quick notes');
  });
});

const entry = (inner: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018"><title>B</title>
<entry><id>tag:blogger.com,1999:blog-1.post-1</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status><title></title><content type="html">hi</content></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-2</id><title>Broken one</title>${inner}</entry></feed>`;
const livePost = (rest: string) => `<blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>${rest}`;

describe('a malformed export', () => {
  it.each([
    { what: 'not XML', xml: '<feed><entry></feed>', message: /^FILE: line 1, column \d+: expected well-formed XML, got .+/ },
    {
      what: 'not an Atom feed',
      xml: '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
      message: /^FILE: expected an Atom <feed> \(a Blogger "Back up content" export\), got <rss>$/,
    },
    {
      what: 'an entry of no known kind',
      xml: entry('<content type="html">x</content>'),
      message:
        /^FILE: entry 2 \("Broken one" \/ tag:blogger\.com,1999:blog-1\.post-2\): expected a <blogger:type> or a <category scheme="http:\/\/schemas\.google\.com\/g\/2005#kind"> saying what the entry is, got neither$/,
    },
    {
      what: 'a post with a bad date',
      xml: entry(livePost('<published>last Tuesday</published><content type="html">x</content>')),
      message:
        /^FILE: entry 2 \("Broken one" \/ tag:blogger\.com,1999:blog-1\.post-2\): expected a <published> date like 2021-05-03T10:12:00\.001\+05:30, got "last Tuesday"$/,
    },
    {
      what: 'a post without a date',
      xml: entry(livePost('<content type="html">x</content>')),
      message: /^FILE: entry 2 \("Broken one" .*\): expected a <published> date, got none$/,
    },
    {
      what: 'a post without content',
      xml: entry(livePost('<published>2021-05-01T10:00:00Z</published>')),
      message: /: entry 2 .*: expected a <content type="html"> with the post, got none$/,
    },
    {
      what: 'a post of an unknown status',
      xml: entry(livePost('').replace('LIVE', 'PENDING') + '<published>2021-05-01T10:00:00Z</published>'),
      message: /: entry 2 .*: expected <blogger:status> LIVE, DRAFT, SCHEDULED or SOFT_TRASHED, got "PENDING"$/,
    },
  ])('fails on $what, naming the place, and writes nothing', ({ xml, message }) => {
    const file = path.join(work, `bad-${++runs}.xml`);
    writeFileSync(file, xml);
    const out = path.join(freshDir(), 'posts');
    const result = run(file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err.replace(file, 'FILE')).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('arguments', () => {
  it.each([[[]], [['a.xml', 'b.xml']], [['--out']], [['a.xml', '--out']], [['a.xml', '--out=']], [['a.xml', '--dry-run']]])(
    '%j: exit 2 with the usage line',
    (argv) => {
      expect(run(...argv)).toEqual({ code: 2, out: '', err: USAGE });
    },
  );

  it('names a missing export', () => {
    expect(run(path.join(work, 'nope.xml'))).toEqual({ code: 1, out: '', err: `${path.join(work, 'nope.xml')}: cannot be read: ENOENT` });
  });
});

describe('npm run import:blogger', () => {
  const script = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-blogger.ts', ...argv], { encoding: 'utf8', cwd: path.resolve('.') });

  it('imports into the folder given and exits 0', { timeout: 60_000 }, () => {
    const out = path.join(freshDir(), 'posts');
    const result = script(fixture('current.xml'), `--out=${out}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Imported 7 posts \(2 drafts\) into /);
    expect(readdirSync(out)).toHaveLength(7);
  });

  it('exits 1 on a broken export with one line and no stack trace, and 2 on bad arguments', { timeout: 60_000 }, () => {
    const file = path.join(work, 'broken.xml');
    writeFileSync(file, entry(''));
    const broken = script(file, '--out', freshDir());
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: entry 2 \\("Broken one" / [^)]+\\): expected `));
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(script('--what').status).toBe(2);
  });
});

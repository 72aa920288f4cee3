// What each writing feature costs a reader on first load: one blog of the same post six times,
// the sample blog's plainest post as it is and then with one feature added, so the difference
// between two rows is that feature alone. Issue 10's condition is the first row: a post that
// uses none of the features must not pay for any of them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The sample post with no callout, code options, raw HTML, math or diagram. */
const BARE_POST = 'content/posts/notes-on-reading-proc-meminfo.md';

export interface WritingVariant {
  slug: string;
  label: string;
  /** Markdown appended to the post: the feature, in the words an author would use. */
  addition: string;
}

export const WRITING_VARIANTS: WritingVariant[] = [
  { slug: 'plain', label: 'no writing feature', addition: '' },
  { slug: 'math', label: 'with math', addition: 'The five-day ratio is\n\n$$\nq_t = \\frac{C(t)}{C(t-5)}\n$$\n\nand $q_t > 1$ means growth.' },
  { slug: 'diagram', label: 'with a diagram', addition: '```mermaid\nflowchart LR\n  MemAvailable --> reclaim --> oom[OOM killer]\n```' },
  { slug: 'callout', label: 'with a callout', addition: '> [!WARNING]\n> `MemFree` is not what the kernel can give you.' },
  {
    slug: 'code-options',
    label: 'with code options',
    addition: '```console title="a quick look"\n$ grep -E "Mem|Swap" /proc/meminfo\nMemTotal: 16318536 kB\n```',
  },
  { slug: 'html', label: 'with raw HTML', addition: 'Press <kbd>q</kbd> to leave.\n\n<details>\n<summary>Every field</summary>\n\nSee proc(5).\n\n</details>' },
];

/** Writes the blog into `dir` (site.yaml from the sample, one post per variant); returns each post's path on the site. */
export function writeWritingBlog(repo: string, dir: string): Map<string, string> {
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  copyFileSync(path.join(repo, 'content/site.yaml'), path.join(dir, 'site.yaml'));
  // Out of its series, so no variant lists the others in a series box.
  const post = readFileSync(path.join(repo, BARE_POST), 'utf8').replace(/^series:.*\n/m, '');
  const paths = new Map<string, string>();
  for (const variant of WRITING_VARIANTS) {
    const text = variant.addition ? `${post.trimEnd()}\n\n${variant.addition}\n` : post;
    writeFileSync(
      path.join(dir, 'posts', `${variant.slug}.md`),
      text.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${title} (${variant.slug})`),
    );
    paths.set(variant.slug, `/posts/${variant.slug}/`);
  }
  return paths;
}

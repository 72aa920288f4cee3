import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportPlan } from './plan.ts';
import { postFile } from './to-post.ts';

/** The result of writing a plan: the files written, or the existing ones that stopped it. */
export type WriteResult = { ok: true; written: string[] } | { ok: false; existing: string[] };

/** Where a post goes: `OUT/SLUG.md`. */
const postPath = (outDir: string, slug: string) => path.join(outDir, `${slug}.md`);

/**
 * Writes one markdown file per post into `outDir`. Unless `force` is set, writes nothing at all
 * when any of the files exists, so a second run never half-overwrites posts edited since.
 */
export function writePosts(plan: ImportPlan, outDir: string, force: boolean): WriteResult {
  const files = plan.posts.map((post) => ({ file: postPath(outDir, post.slug), text: postFile(post) }));
  const existing = files.map(({ file }) => file).filter((file) => existsSync(file));
  if (existing.length > 0 && !force) return { ok: false, existing };
  mkdirSync(outDir, { recursive: true });
  for (const { file, text } of files) writeFileSync(file, text);
  return { ok: true, written: files.map(({ file }) => file) };
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { MEDIA_DIR } from '../content/files.ts';
import { readFrontMatter } from './front-matter.ts';
import { checkMarkdownLimits } from './analyse-markdown.ts';
import { ContentError } from './problems.ts';
import { sizeProblem } from './read-post.ts';

export interface AboutPage {
  title: string;
  markdown: string;
  assetBase: string;
}

const aboutSchema = z.object({ title: z.string({ error: 'expected a title, got nothing' }).check(z.trim(), z.minLength(1, { error: 'expected a title, got an empty string' })) });

/** `content/about.md`, the optional about page: a title in its front matter and markdown. */
export function readAbout(contentDir: string, file = path.join(contentDir, 'about.md')): AboutPage | undefined {
  if (!existsSync(file)) return undefined;
  const display = path.relative(process.cwd(), file);
  const source = readFileSync(file, 'utf8');
  // The same bounds as posts: the about page is rendered by the same recursive parser.
  const tooBig = sizeProblem(Buffer.byteLength(source, 'utf8'), display);
  if (tooBig) throw new ContentError([tooBig]);
  const read = readFrontMatter(source, display);
  if (!read.ok) throw new ContentError(read.problems);
  const tooComplex = checkMarkdownLimits(read.block.body);
  if (tooComplex) {
    throw new ContentError([{ file: display, line: tooComplex.line + read.block.bodyLine - 1, column: tooComplex.column, message: tooComplex.message }]);
  }
  const parsed = aboutSchema.safeParse(read.block.data);
  if (!parsed.success) {
    throw new ContentError(parsed.error.issues.map((issue) => ({ file: display, ...read.block.locate(issue.path), field: 'title', message: issue.message })));
  }
  return { title: parsed.data.title, markdown: read.block.body, assetBase: `${MEDIA_DIR}/` };
}

/** A problem found in the content, positioned so editors and terminals can jump to it. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  /** The front matter field or markdown element at fault, when there is one. */
  field?: string;
  message: string;
}

/** Control, format (bidi, zero-width) and other invisible characters, but not the joiner and variation selectors of emoji. */
const UNSAFE = /(?!\u200d|[\ufe00-\ufe0f])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;

/**
 * Shows invisible characters as `\u{202e}`: messages quote file names and front matter, and an
 * escape sequence or a right-to-left override printed raw could recolour the terminal or disguise
 * the text (a file named to look like another). Newlines stay out too: one problem, one line.
 */
function visible(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/** `content/posts/x.md:3:7: date: expected a date like 2021-05-01, got "yesterday"` */
export function formatProblem(problem: ContentProblem): string {
  const where = `${visible(problem.file)}:${problem.line}:${problem.column}`;
  const message = visible(problem.message);
  return problem.field ? `${where}: ${visible(problem.field)}: ${message}` : `${where}: ${message}`;
}

/** Thrown when the content cannot be built; carries every problem in every file, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The content has ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

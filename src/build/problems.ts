/** A problem found in the content, positioned so editors and terminals can jump to it. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  /** The front matter field or markdown element at fault, when there is one. */
  field?: string;
  message: string;
}

/** `content/posts/x.md:3:7: date: expected a date like 2021-05-01, got "yesterday"` */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
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

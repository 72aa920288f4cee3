import { articleFiles } from '../content/files.ts';
import type { Content } from './load-content.ts';
import { type ContentProblem, formatProblem } from './problems.ts';

/** What the build says about the content once the site is written: `.quire/report.json`. */
export interface BuildReport {
  /** Dead links and missing files; the site is built with them unless `strict` is set. */
  warnings: ContentProblem[];
  /** Front matter fields left unread, one per field name. */
  notes: ContentProblem[];
  /** `strict: true` in site.yaml: warnings fail the build. */
  strict: boolean;
}

/** The build-only files that carry the redirects and the report from the bundler to scripts/build.ts. */
export function buildReportFiles(content: Content): Map<string, string> {
  const report: BuildReport = { warnings: content.warnings ?? [], notes: content.notes ?? [], strict: content.site.strict === true };
  return new Map([
    [articleFiles.redirects, JSON.stringify(content.redirects ?? [])],
    [articleFiles.report, JSON.stringify(report)],
  ]);
}

/**
 * The report as the terminal shows it: one `file:line:col: message` line each, warnings then
 * notes, and a last line saying whether the warnings failed the build.
 */
export function formatReport({ warnings, notes, strict }: BuildReport): { text: string; failed: boolean } {
  const lines: string[] = [];
  if (warnings.length > 0) {
    const count = warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`;
    lines.push(`The content has ${count}:`, ...warnings.map(formatProblem));
    lines.push(
      strict
        ? '\nstrict: true in site.yaml makes warnings fail the build.'
        : 'Links stay as written. Set strict: true in site.yaml to make warnings fail the build.',
    );
  }
  if (notes.length > 0) lines.push(...(lines.length > 0 ? [''] : []), ...notes.map(formatProblem));
  return { text: lines.join('\n'), failed: strict && warnings.length > 0 };
}

import { relative, resolve } from 'node:path';
import { type CourseIssue, formatIssue } from './issue.js';

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly CourseIssue[]): IssueCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The text report of `coursekit check`: one line per issue, with the file as a path from `cwd` so
 * terminals and editors can open it, then a summary line.
 */
export function formatTextReport(
  issues: readonly CourseIssue[],
  courseDir: string,
  cwd = process.cwd(),
): string {
  const lines = issues.map((issue) =>
    formatIssue({ ...issue, file: relative(cwd, resolve(courseDir, issue.file)) || issue.file }),
  );
  const { errors, warnings } = countIssues(issues);
  if (issues.length === 0) lines.push('no problems found');
  else lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON report of `coursekit check --format json`, for editors and CI tools. */
export function formatJsonReport(issues: readonly CourseIssue[], courseDir: string): string {
  const { errors, warnings } = countIssues(issues);
  return `${JSON.stringify({ dir: resolve(courseDir), ok: errors === 0, errors, warnings, issues }, null, 2)}\n`;
}

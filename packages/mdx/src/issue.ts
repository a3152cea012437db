import {
  formatIssue as formatOneIssue,
  hasErrors as hasErrorsIn,
  type Issue,
  issueFromMessage,
  sortIssues,
} from '@coursekit/issues';

export { issueFromMessage, sortIssues };

/**
 * One problem in a course file, placed at its line and column.
 * @deprecated Use `Issue` from `@coursekit/issues` (the same type); this alias goes in the next minor version.
 */
export type CourseIssue = Issue;

/**
 * One issue as a compiler prints it: `file:line:col  severity  message  rule`.
 * @deprecated Use `formatIssue` from `@coursekit/issues`; this alias goes in the next minor version.
 */
export function formatIssue(issue: Issue): string {
  return formatOneIssue(issue);
}

/**
 * True when any issue is an error (warnings alone do not fail a check).
 * @deprecated Use `hasErrors` from `@coursekit/issues`; this alias goes in the next minor version.
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return hasErrorsIn(issues);
}

/** Thrown when content has errors; `issues` lists every one of them with its place. */
export class CourseContentError extends Error {
  readonly issues: Issue[];

  constructor(issues: readonly Issue[], summary = 'the course content has errors') {
    const sorted = sortIssues(issues);
    const errors = sorted.filter((issue) => issue.severity === 'error').length;
    super(
      `${summary} (${errors} error${errors === 1 ? '' : 's'}):\n${sorted.map(formatOneIssue).join('\n')}`,
    );
    this.name = 'CourseContentError';
    this.issues = sorted;
  }
}

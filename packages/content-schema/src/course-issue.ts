import { formatIssue as formatOneIssue, hasErrors as hasErrorsIn, type Issue } from '@coursekit/issues';

/**
 * One problem found in a course file.
 * @deprecated Use `Issue` from `@coursekit/issues` (the same type); this alias goes in the next minor version.
 */
export type CourseIssue = Issue;

/** A place in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * One issue as a line for a terminal.
 * @deprecated Use `formatIssue` from `@coursekit/issues`, with the issue placed; this alias goes in the next
 * minor version.
 */
export function formatIssue(issue: Issue, position?: SourcePosition): string {
  return formatOneIssue(position ? { ...issue, line: position.line, column: position.column } : issue);
}

/**
 * Whether any issue is an error (warnings alone leave a course valid).
 * @deprecated Use `hasErrors` from `@coursekit/issues`; this alias goes in the next minor version.
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return hasErrorsIn(issues);
}

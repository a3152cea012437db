import type { CourseIssue } from './course-issue.js';
import { toJsonPointer } from './json-pointer.js';

export interface IssueDetails {
  severity?: 'error' | 'warning';
  suggestion?: string | undefined;
}

/** A course issue at `path` inside `file`; an error unless said otherwise. */
export function makeIssue(
  file: string,
  path: readonly PropertyKey[],
  rule: string,
  message: string,
  details: IssueDetails = {},
): CourseIssue {
  return {
    file,
    pointer: toJsonPointer(path),
    message,
    rule,
    severity: details.severity ?? 'error',
    ...(details.suggestion ? { suggestion: details.suggestion } : {}),
  };
}

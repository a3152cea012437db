import { createIssue, type Issue, type IssueDetails } from '@coursekit/issues';

export type { IssueDetails };

/** A course issue at `path` inside `file`; an error unless said otherwise. */
export function makeIssue(
  file: string,
  path: readonly PropertyKey[],
  ruleId: string,
  message: string,
  details: Omit<IssueDetails, 'pointer'> = {},
): Issue {
  return createIssue(file, ruleId, message, { ...details, pointer: path });
}

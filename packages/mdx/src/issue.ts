export interface CourseIssue {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: string;
  severity: 'error' | 'warning';
}

/** One issue as a compiler prints it: `file:line:col  severity  message  rule`. */
export function formatIssue(issue: CourseIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.message}  ${issue.rule}`;
}

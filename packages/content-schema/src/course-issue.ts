/** One problem found in a course file, with where it is and, when there is one, how to fix it. */
export interface CourseIssue {
  /** The file, relative to the course folder, as it should be printed: `lessons/01-rupture-and-upswing.mdx`. */
  file: string;
  /** Where inside the file's data, as a JSON pointer (`/objectives/0/text`); `''` is the whole file. */
  pointer: string;
  /** What is wrong, in words a teacher understands. */
  message: string;
  /** `area/name`, such as `lesson/unknown-prerequisite`. */
  rule: string;
  /** Errors make the course invalid; warnings are worth a look but do not. */
  severity: 'error' | 'warning';
  /** A likely fix, such as `did you mean 'hanoi-summit'?`. */
  suggestion?: string;
  /** `'key'` when the problem is the key at `pointer` itself (an unknown key), so a locator points at it. */
  target?: 'key';
}

/** A place in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * One issue as a line for a terminal:
 * `glossary.yaml:12:5  unknown key 'trem' in glossary term (did you mean 'term'?)  schema/unknown-key`.
 */
export function formatIssue(issue: CourseIssue, position?: SourcePosition): string {
  const place = position ? `${issue.file}:${position.line}:${position.column}` : issue.file;
  const severity = issue.severity === 'warning' ? 'warning  ' : '';
  const suggestion = issue.suggestion ? ` (${issue.suggestion})` : '';
  return `${place}  ${severity}${issue.message}${suggestion}  ${issue.rule}`;
}

/** Whether any issue is an error (warnings alone leave a course valid). */
export function hasErrors(issues: readonly CourseIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

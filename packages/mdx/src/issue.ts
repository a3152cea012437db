import type { VFileMessage } from 'vfile-message';

export interface CourseIssue {
  /** Path of the file, relative to the course folder (`lessons/02-economics.mdx`). */
  file: string;
  /** 1-based line; 1 for problems with a whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
  /** `area/name`, such as `citation/unknown-key` or `mdx/syntax`. */
  rule: string;
  severity: 'error' | 'warning';
}

/** One issue as a compiler prints it: `file:line:col  severity  message  rule`. */
export function formatIssue(issue: CourseIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.message}  ${issue.rule}`;
}

/** Parsers of MDX syntax report under their own names; authors see them as one rule. */
const mdxSyntaxSources = /^(micromark|mdast-util-mdx|mdast-util-mdxjs|remark-mdx|acorn)/;

/** A `VFileMessage` (ours or a parser's) as an issue of `file`. */
export function issueFromMessage(message: VFileMessage, file: string): CourseIssue {
  const source = message.source ?? '';
  const rule = mdxSyntaxSources.test(source)
    ? 'mdx/syntax'
    : source && message.ruleId
      ? `${source}/${message.ruleId}`
      : (message.ruleId ?? 'coursekit/error');
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    message: message.reason,
    rule,
    severity: message.fatal === false ? 'warning' : 'error',
  };
}

/** Issues in reading order: by file, then line, then column. */
export function sortIssues(issues: readonly CourseIssue[]): CourseIssue[] {
  return [...issues].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** True when any issue is an error (warnings alone do not fail a check). */
export function hasErrors(issues: readonly CourseIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Thrown when content has errors; `issues` lists every one of them with its place. */
export class CourseContentError extends Error {
  readonly issues: CourseIssue[];

  constructor(issues: readonly CourseIssue[], summary = 'the course content has errors') {
    const sorted = sortIssues(issues);
    const errors = sorted.filter((issue) => issue.severity === 'error').length;
    super(`${summary} (${errors} error${errors === 1 ? '' : 's'}):\n${sorted.map(formatIssue).join('\n')}`);
    this.name = 'CourseContentError';
    this.issues = sorted;
  }
}

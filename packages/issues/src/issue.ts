import type { VFileMessage } from 'vfile-message';

/** Errors make a course invalid; warnings are worth a look but do not. */
export type Severity = 'error' | 'warning';

/**
 * One problem in a course file, shaped like `vfile-message`'s `VFileMessage` so remark plugins, editors and
 * CI read the same fields: a place (a line and column once placed in the text, or a JSON pointer into the
 * parsed data until then), a rule id, the values that would have been right and a documentation URL.
 * Plain data, so it survives `JSON.stringify`.
 */
export interface Issue {
  /** The file, relative to the course folder: `lessons/01-rupture-and-upswing.mdx`. */
  file: string;
  /** 1-based line, once the issue is placed in the file's text. */
  line?: number | undefined;
  /** 1-based column, once the issue is placed in the file's text. */
  column?: number | undefined;
  /** Where inside the file's parsed data, as a JSON pointer (`/objectives/0/text`); `''` is the whole file. */
  pointer?: string | undefined;
  /** `'key'` when the problem is the key at `pointer` itself (an unknown key), so a locator points at it. */
  target?: 'key' | undefined;
  /** What is wrong, in words a teacher understands (without the suggestion). */
  message: string;
  /** `area/name`, such as `citation/unknown-key`; every id is listed in `rules` and in docs/rules.md. */
  ruleId: string;
  /** The package that found the problem, such as `@coursekit/content-schema`. */
  source?: string | undefined;
  severity: Severity;
  /** Values that would likely be right (`did you mean 'x'?`), closest first. */
  expected?: string[] | undefined;
  /** A hint in words, when the fix is not one of a few values (`write the date as 1992-12-22`). */
  note?: string | undefined;
  /** Where the rule is documented. */
  url?: string | undefined;
}

/** What `createIssue` takes besides the file, rule and message. */
export interface IssueDetails {
  line?: number | undefined;
  column?: number | undefined;
  /** A JSON pointer, or the path it is made of (`['terms', 2, 'id']`). */
  pointer?: string | readonly PropertyKey[] | undefined;
  target?: 'key' | undefined;
  severity?: Severity | undefined;
  source?: string | undefined;
  expected?: readonly string[] | undefined;
  note?: string | undefined;
  url?: string | undefined;
}

/** A JSON pointer (RFC 6901) for a path of keys and array indexes: `['terms', 2, 'id']` -> `/terms/2/id`. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The path a JSON pointer names, as strings: `/terms/2/id` -> `['terms', '2', 'id']`; `''` is the root. */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new TypeError(`a JSON pointer starts with '/' or is empty; got '${pointer}'`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The fields of an issue in the order they are printed as JSON (place first, then what and why). */
const fieldOrder = [
  'file',
  'line',
  'column',
  'pointer',
  'target',
  'message',
  'ruleId',
  'source',
  'severity',
] as const;

function inOrder(issue: Issue): Issue {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) if (issue[key] !== undefined) ordered[key] = issue[key];
  for (const [key, value] of Object.entries(issue))
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as unknown as Issue;
}

/** An issue of `file`; an error unless said otherwise. Empty details are left out, so issues compare simply. */
export function createIssue(
  file: string,
  ruleId: string,
  message: string,
  details: IssueDetails = {},
): Issue {
  const pointer =
    typeof details.pointer === 'string' ? details.pointer : details.pointer && toJsonPointer(details.pointer);
  return inOrder({
    file,
    line: details.line,
    column: details.column,
    pointer,
    target: details.target || undefined,
    message,
    ruleId,
    source: details.source || undefined,
    severity: details.severity ?? 'error',
    expected: details.expected && details.expected.length > 0 ? [...details.expected] : undefined,
    note: details.note || undefined,
    url: details.url || undefined,
  });
}

/** The issue placed at a line and column of its file (the pointer stays, for tools that want both). */
export function placeIssue(issue: Issue, point: { line: number; column: number }): Issue {
  return inOrder({ ...issue, line: point.line, column: point.column });
}

/** Whether any issue is an error (warnings alone leave a course valid). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

/** Issues in reading order: by file, then line, then column (unplaced issues first in their file). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Parsers of MDX syntax report under their own names; authors see them as one rule. */
const mdxSyntaxSources = /^(micromark|mdast-util-mdx|mdast-util-mdxjs|remark-mdx|acorn)/;

/**
 * A `VFileMessage` (a remark plugin's or a parser's) as an issue of `file`. Messages from coursekit's own
 * plugins carry the whole rule id in `ruleId`; a parser's `source:ruleId` becomes `mdx/syntax`.
 */
export function issueFromMessage(message: VFileMessage, file: string): Issue {
  const source = message.source ?? '';
  const ruleId = mdxSyntaxSources.test(source)
    ? 'mdx/syntax'
    : message.ruleId?.includes('/')
      ? message.ruleId
      : source && message.ruleId
        ? `${source}/${message.ruleId}`
        : (message.ruleId ?? 'coursekit/error');
  return createIssue(file, ruleId, message.reason, {
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === false ? 'warning' : 'error',
    source: mdxSyntaxSources.test(source) ? source : (message.source ?? undefined),
    expected: message.expected,
    note: message.note,
    url: message.url,
  });
}

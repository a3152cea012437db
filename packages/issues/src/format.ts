import { countIssues, type Issue } from './issue.js';
import { ruleUrl } from './rules.js';
import { didYouMean } from './suggest.js';

/** The message with its suggestion: `unknown key 'trem' (did you mean 'term'?)`. */
export function issueText(issue: Issue): string {
  const hint = didYouMean(issue.expected) ?? issue.note;
  return hint ? `${issue.message} (${hint.replace(/\.$/, '')})` : issue.message;
}

/**
 * One issue as a compiler prints it, so terminals and editors can open the place:
 * `glossary.yaml:12:5  error  unknown key 'trem' in glossary term (did you mean 'term'?)  schema/unknown-key`.
 */
export function formatIssue(issue: Issue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  return `${place}  ${issue.severity}  ${issueText(issue)}  ${issue.ruleId}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line per issue, then `2 errors, 1 warning` (or `no problems found`), ending in a newline. */
export function formatIssues(issues: readonly Issue[]): string {
  const lines = issues.map(formatIssue);
  const { errors, warnings } = countIssues(issues);
  lines.push(
    issues.length === 0 ? 'no problems found' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report that `formatIssuesJson` prints: every issue, with its rule's documentation URL. */
export interface IssuesReport {
  /** True when no issue is an error. */
  ok: boolean;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Issues as a JSON report for editors and CI (`coursekit check --format json`); `extra` fields come first. */
export function formatIssuesJson(issues: readonly Issue[], extra: Record<string, unknown> = {}): string {
  const { errors, warnings } = countIssues(issues);
  const report: IssuesReport = {
    ok: errors === 0,
    errors,
    warnings,
    issues: issues.map((issue) => {
      const url = issue.url ?? ruleUrl(issue.ruleId);
      return url ? { ...issue, url } : { ...issue };
    }),
  };
  return `${JSON.stringify({ ...extra, ...report }, null, 2)}\n`;
}

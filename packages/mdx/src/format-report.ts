import { relative, resolve } from 'node:path';
import { countIssues, formatIssues, formatIssuesJson, type Issue } from '@coursekit/issues';

export type { IssueCounts } from '@coursekit/issues';
export { countIssues };

/**
 * The text report of `coursekit check`: one line per issue, with the file as a path from `cwd` so
 * terminals and editors can open it, then a summary line.
 */
export function formatTextReport(issues: readonly Issue[], courseDir: string, cwd = process.cwd()): string {
  return formatIssues(
    issues.map((issue) => ({ ...issue, file: relative(cwd, resolve(courseDir, issue.file)) || issue.file })),
  );
}

/**
 * The JSON report of `coursekit check --format json`, for editors and CI tools: `dir` (the course folder,
 * absolute), `ok`, the `errors` and `warnings` counts and every issue (files relative to `dir`).
 */
export function formatJsonReport(issues: readonly Issue[], courseDir: string): string {
  return formatIssuesJson(issues, { dir: resolve(courseDir) });
}

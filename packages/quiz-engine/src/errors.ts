import { createIssue, type Issue } from '@coursekit/issues';

/**
 * One problem in authored quiz data, at a path such as `['questions', 2, 'choices']`.
 * @deprecated as the type apps report: use `QuizValidationError.toIssues(file)`, which gives `Issue`s of
 * `@coursekit/issues` like every other package; this shape stays for one minor version.
 */
export interface QuizIssue {
  path: (string | number)[];
  message: string;
  /** `'key'` when the problem is the key at `path` itself (an unknown key). */
  target?: 'key';
}

/** `questions[2].choices[0].text`, or `(quiz)` for the top level. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(quiz)';
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

/** Thrown by `parseQuiz` with every problem found, each with its path. */
export class QuizValidationError extends Error {
  override readonly name = 'QuizValidationError';
  readonly issues: QuizIssue[];

  constructor(issues: QuizIssue[], label = 'quiz') {
    const lines = issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    super(`${label} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.issues = issues;
  }

  /** Every problem as an issue of `file` (rule `quiz/invalid`), located by a JSON pointer into the quiz data. */
  toIssues(file: string): Issue[] {
    return this.issues.map((issue) => {
      const where = issue.path.length > 0 && issue.target !== 'key' ? `${formatPath(issue.path)}: ` : '';
      return createIssue(file, 'quiz/invalid', `${where}${issue.message}`, {
        pointer: issue.path,
        target: issue.target,
        source: '@coursekit/quiz-engine',
      });
    });
  }
}

/** One problem in authored quiz data, at a path such as `['questions', 2, 'choices']`. */
export interface QuizIssue {
  path: (string | number)[];
  message: string;
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
}

/** The course folder has errors; `problems` lists them as `file:line:col  error  message  rule`. */
export class CourseFolderError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(
      `The course folder ${dir} has problems:\n  ${problems.join('\n  ')}\nRun \`coursekit check ${dir}\`.`,
    );
    this.name = 'CourseFolderError';
    this.problems = problems;
  }
}

/**
 * True for a `CourseFolderError`, also one thrown by another copy of this package (a bundler may load the
 * package twice, and `instanceof` then fails).
 */
export function isCourseFolderError(error: unknown): error is CourseFolderError {
  return (
    error instanceof CourseFolderError ||
    (error instanceof Error &&
      error.name === 'CourseFolderError' &&
      Array.isArray((error as { problems?: unknown }).problems))
  );
}

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

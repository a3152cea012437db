/** Something the QTI package cannot carry as coursekit does, at its place in the authored quiz. */
export interface QtiExportWarning {
  quizId: string;
  /** Path in the authored quiz: `['questions', 2, 'pattern']`. */
  path: (string | number)[];
  message: string;
  /** Stable id such as `qti/hints`, for filtering. */
  rule: string;
}

export type WarningSink = (path: (string | number)[], message: string, rule: string) => void;

// A submitted attempt as its student may see it now: the summary, whether it was late or awaits marking,
// and the grade result with the teacher's marks applied and only what the review options allow.
import type { GradeResult, Quiz } from '@coursekit/quiz-engine';
import { type AttemptSummary, summariseAttempt } from './attempt-summary';
import { storedResult } from './attempts';
import { applyGrades, latestGrades, pendingMarksOf } from './marking';
import { isLate, type QuizPolicy, visibilityFor } from './quiz-policy';
import { type ReviewedResult, reviewedResult } from './review';
import type { AttemptRecord, QuestionGradeRecord } from './storage/types';

export interface ReviewedAttempt extends AttemptSummary {
  /** Submitted after the due date (taken because the teacher accepts late work). */
  late: boolean;
  /** Essays of this attempt still waiting for the teacher. */
  pendingMarks: number;
  awaitingMarking: boolean;
  /** Null when the quiz has changed too much since to rebuild the attempt. */
  result: ReviewedResult | null;
}

/** The grade result of a stored attempt with the teacher's grades applied; null when it cannot be rebuilt. */
export function gradedResult(
  quiz: Quiz | undefined,
  record: AttemptRecord,
  grades: readonly QuestionGradeRecord[],
): GradeResult | null {
  const result = storedResult(quiz, record);
  return result && quiz ? applyGrades(quiz, result, grades) : result;
}

/** Summarises a graded result for the attempt's student (the result given is already graded). */
export function reviewAttempt(input: {
  record: AttemptRecord;
  result: GradeResult | null;
  grades: readonly QuestionGradeRecord[];
  policy: QuizPolicy;
  attemptsUsed: number;
  now: number;
}): ReviewedAttempt {
  const { record, result, policy } = input;
  const pendingMarks = pendingMarksOf(result);
  const visibility = visibilityFor(policy, input.attemptsUsed, input.now);
  return {
    ...summariseAttempt(record, result ? result.passed : record.passed),
    late: isLate(policy, record),
    pendingMarks,
    awaitingMarking: pendingMarks > 0,
    result: result ? reviewedResult(result, visibility, latestGrades(input.grades)) : null,
  };
}

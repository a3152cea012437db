import type { GradeResult } from '@coursekit/quiz-engine';
import type { AttemptRecord } from './storage/types';

/** A submitted attempt as its learner sees it: in the answer to a submission and in their progress. */
export interface AttemptSummary {
  id: string;
  quizId: string;
  number: number;
  submittedAt: string;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean | null;
}

export function summariseAttempt(record: AttemptRecord, result: GradeResult): AttemptSummary {
  return {
    id: record.id,
    quizId: record.quizId,
    number: record.attemptNumber,
    submittedAt: new Date(record.submittedAt).toISOString(),
    score: record.score,
    maxScore: record.maxScore,
    percentage: record.percent,
    passed: result.passed,
  };
}

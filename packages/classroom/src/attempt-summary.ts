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

/** `passed` comes from the grade result: null while essays await review. */
export function summariseAttempt(record: AttemptRecord, passed: boolean | null): AttemptSummary {
  return {
    id: record.id,
    quizId: record.quizId,
    number: record.attemptNumber,
    submittedAt: new Date(record.submittedAt).toISOString(),
    score: record.score,
    maxScore: record.maxScore,
    percentage: record.percent,
    passed,
  };
}

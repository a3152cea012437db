// The teacher's marks and score overrides applied to a submitted attempt: the grade result the quiz
// engine rebuilds from the attempt's steps, with each question's latest teacher grade in place of its
// automatic score, and the totals, percentage and pass recomputed from them.
import type { GradeResult, QuestionResult, Quiz } from '@coursekit/quiz-engine';
import { storedResult } from './attempts';
import type { AttemptRecord, AttemptTotals, QuestionGradeRecord } from './storage/types';

/** Removes binary noise (0.30000000000000004), as the quiz engine does. */
const roundScore = (value: number) => Math.round(value * 1e6) / 1e6;

/** The latest grade per question id (grades come oldest first). */
export function latestGrades(grades: readonly QuestionGradeRecord[]): Map<string, QuestionGradeRecord> {
  const latest = new Map<string, QuestionGradeRecord>();
  for (const grade of grades) latest.set(grade.questionId, grade);
  return latest;
}

function statusForScore(score: number, maxScore: number): QuestionResult['status'] {
  if (maxScore > 0 && score >= maxScore) return 'correct';
  return score > 0 ? 'partial' : 'incorrect';
}

const percentageOf = (score: number, maxScore: number) =>
  maxScore > 0 ? Math.round((score / maxScore) * 10_000) / 100 : 0;

/**
 * The grade result with the teacher's grades applied. An essay without a mark stays `needs-review`; the
 * pass is `null` while a pending essay could still change it (as the quiz engine decides at submission).
 */
export function applyGrades(
  quiz: Quiz,
  result: GradeResult,
  grades: readonly QuestionGradeRecord[],
): GradeResult {
  const latest = latestGrades(grades);
  if (latest.size === 0) return result;
  const questions = result.questions.map((question): QuestionResult => {
    const grade = latest.get(question.id);
    if (!grade) return question;
    const status = statusForScore(grade.score, question.maxScore);
    return {
      ...question,
      score: grade.score,
      status,
      correct: status === 'correct' ? true : status === 'partial' ? 'partial' : false,
    };
  });
  let score = 0;
  let pendingReview = 0;
  for (const question of questions) {
    score += question.score;
    if (question.status === 'needs-review') pendingReview += question.maxScore;
  }
  score = roundScore(score);
  const percentage = percentageOf(score, result.maxScore);
  let passed: boolean | null = percentage >= quiz.passMark;
  if (!passed && pendingReview > 0 && percentageOf(score + pendingReview, result.maxScore) >= quiz.passMark)
    passed = null;
  return { ...result, questions, score, percentage, passed, pendingReview: roundScore(pendingReview) };
}

/** What the attempts table keeps of a result (a pending pass is stored as not passed yet). */
export function totalsOf(result: GradeResult): AttemptTotals {
  return { score: result.score, percent: result.percentage, passed: result.passed === true };
}

/** Essays of a result still waiting for a mark. */
export function pendingMarksOf(result: GradeResult | null): number {
  return result ? result.questions.filter((q) => q.status === 'needs-review').length : 0;
}

/**
 * Essays awaiting a mark per attempt, for the dashboard and the gradebook: attempts whose quiz has no
 * essay are skipped without replaying them.
 */
export function pendingMarksByAttempt(
  quizzes: ReadonlyMap<string, Quiz>,
  attempts: readonly AttemptRecord[],
  grades: readonly QuestionGradeRecord[],
): Map<string, number> {
  const graded = new Map<string, Set<string>>();
  for (const grade of grades) {
    const set = graded.get(grade.attemptId) ?? new Set<string>();
    set.add(grade.questionId);
    graded.set(grade.attemptId, set);
  }
  const pending = new Map<string, number>();
  for (const attempt of attempts) {
    const quiz = quizzes.get(attempt.quizId);
    if (!quiz || !hasEssay(quiz)) continue;
    const result = storedResult(quiz, attempt);
    const marked = graded.get(attempt.id);
    const count = result
      ? result.questions.filter((q) => q.status === 'needs-review' && !marked?.has(q.id)).length
      : 0;
    if (count > 0) pending.set(attempt.id, count);
  }
  return pending;
}

function hasEssay(quiz: Quiz): boolean {
  return quiz.questions.some((entry) =>
    entry.type === 'pool' ? entry.questions.some((q) => q.type === 'essay') : entry.type === 'essay',
  );
}

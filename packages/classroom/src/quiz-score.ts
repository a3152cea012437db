import type { Quiz } from '@coursekit/quiz-engine';
import { publishQuizScore, type QuizScore } from './lti/ags';
import { pendingMarksByAttempt } from './marking';
import type { AttemptRecord, ClassroomStore } from './storage';

/**
 * The score of a student's quiz that the gradebook counts — the best attempt by percentage (the later one
 * on a tie) — as sent to an LMS, so that the LMS shows what the dashboard and the CSV show. Read after the
 * submission, mark or override is stored. Undefined when the student has no attempt at the quiz.
 */
export async function countingQuizScore(
  store: ClassroomStore,
  quiz: Quiz,
  studentId: string,
  at: number,
): Promise<QuizScore | undefined> {
  const attempts = (await store.attempts.listByLearner(studentId)).filter((a) => a.quizId === quiz.id);
  let best: AttemptRecord | undefined;
  for (const attempt of attempts) {
    if (
      !best ||
      attempt.percent > best.percent ||
      (attempt.percent === best.percent && attempt.attemptNumber > best.attemptNumber)
    ) {
      best = attempt;
    }
  }
  if (!best) return undefined;
  const grades = await store.marking.listByAttempt(best.id);
  const pending = pendingMarksByAttempt(new Map([[quiz.id, quiz]]), [best], grades);
  return {
    studentId,
    quizId: quiz.id,
    score: best.score,
    maxScore: best.maxScore,
    pendingReview: (pending.get(best.id) ?? 0) > 0,
    at,
  };
}

/**
 * Sends the counting score of a student's quiz to every LMS line item that takes it, after the submission,
 * mark or override is stored. Most students never launched from an LMS: one lookup of the score targets
 * finds that out, before anything reads the student's attempts.
 */
export async function passBackQuizScore(
  store: ClassroomStore,
  quiz: Quiz,
  studentId: string,
  at: number,
): Promise<void> {
  const targets = await store.lti.scoreTargets(studentId, quiz.id);
  if (targets.length === 0) return;
  const score = await countingQuizScore(store, quiz, studentId, at);
  if (score) await publishQuizScore(store, score);
}

// What a learner is told about their attempts: the answer to a submission, one past attempt and their
// progress, each through the review options (nothing the options hold back leaves the server).
import type { Quiz } from '@coursekit/quiz-engine';
import { gradedResult, type ReviewedAttempt, reviewAttempt } from './attempt-review';
import type { AttemptContext, SubmittedAttempt } from './attempts';
import { applyGrades, latestGrades, pendingMarksOf } from './marking';
import { type QuizPolicy, visibilityFor } from './quiz-policy';
import { reviewedResult } from './review';
import type { Learner } from './storage/types';

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** The class's dates for this quiz as the quiz page shows them. */
export function availabilityOf(policy: QuizPolicy, now: number) {
  return {
    opensAt: iso(policy.opensAt),
    dueAt: iso(policy.dueAt),
    latePolicy: policy.latePolicy,
    /** False before it opens, and after the due date when late work is refused. */
    open:
      (policy.opensAt === null || now >= policy.opensAt) &&
      (policy.dueAt === null || now <= policy.dueAt || policy.latePolicy === 'mark-late'),
    /** After the due date, and late work is taken (and marked late). */
    late: policy.dueAt !== null && now > policy.dueAt && policy.latePolicy === 'mark-late',
    extraAttempts: policy.extraAttempts,
  };
}

/** Whether this idempotency key already stored an attempt (its replay answers even after the due date). */
export async function hasStoredSubmission(
  context: Pick<AttemptContext, 'store'>,
  learner: Learner,
  quizId: string,
  idempotencyKey: string,
): Promise<boolean> {
  const attempts = await context.store.attempts.listByLearner(learner.id);
  return attempts.some((a) => a.quizId === quizId && a.idempotencyKey === idempotencyKey);
}

/** The answer to a submission: the attempt's summary and its result, as the review options allow now. */
export async function reviewedSubmission(
  context: Pick<AttemptContext, 'store' | 'now'>,
  quiz: Quiz,
  policy: QuizPolicy,
  submitted: SubmittedAttempt,
): Promise<{
  attempt: Omit<ReviewedAttempt, 'result'>;
  result: ReturnType<typeof reviewedResult>;
  replayed: boolean;
}> {
  // A new attempt has no marks yet and is the latest (numbers are gapless); only a replay reads more.
  const record = submitted.replayed
    ? await context.store.marking.getAttempt(submitted.attempt.id)
    : undefined;
  const grades = submitted.replayed ? await context.store.marking.listByAttempt(submitted.attempt.id) : [];
  const used = record
    ? await context.store.attempts.count(record.learnerId, quiz.id)
    : submitted.attempt.number;
  const result = applyGrades(quiz, submitted.result, grades);
  const pendingMarks = pendingMarksOf(result);
  const visibility = visibilityFor(policy, used, context.now);
  const submittedAt = Date.parse(submitted.attempt.submittedAt);
  return {
    attempt: {
      ...submitted.attempt,
      ...(record ? { score: record.score, percentage: record.percent } : {}),
      passed: result.passed,
      late: policy.dueAt !== null && submittedAt > policy.dueAt,
      pendingMarks,
      awaitingMarking: pendingMarks > 0,
    },
    result: reviewedResult(result, visibility, latestGrades(grades)),
    replayed: submitted.replayed,
  };
}

/** Every submitted attempt of one learner at one quiz, reviewed (oldest first). */
export async function reviewedAttemptsOf(
  context: Pick<AttemptContext, 'store' | 'now'>,
  learner: Learner,
  quiz: Quiz | undefined,
  quizId: string,
  policy: QuizPolicy,
): Promise<ReviewedAttempt[]> {
  const attempts = (await context.store.attempts.listByLearner(learner.id)).filter(
    (a) => a.quizId === quizId,
  );
  return Promise.all(
    attempts.map(async (record) => {
      const grades = await context.store.marking.listByAttempt(record.id);
      return reviewAttempt({
        record,
        result: gradedResult(quiz, record, grades),
        grades,
        policy,
        attemptsUsed: attempts.length,
        now: context.now,
      });
    }),
  );
}

// What holds for one learner at one quiz beyond the quiz file: the class's open and due dates and late
// policy, the attempts the teacher granted on top of `maxAttempts`, and the review options.
import { countWords, type Quiz } from '@coursekit/quiz-engine';
import type { CourseOutline } from './course';
import { questionsOf } from './dashboard';
import { ApiError, type ApiIssue } from './errors';
import { type ReviewVisibility, resolveReview, reviewVisibility } from './review';
import type { AttemptRecord, ClassroomStore, LatePolicy, Learner, ReviewOptions } from './storage/types';

export interface QuizPolicy {
  opensAt: number | null;
  dueAt: number | null;
  latePolicy: LatePolicy;
  /** The quiz's `maxAttempts` plus the attempts granted to this student; undefined: unlimited. */
  maxAttempts: number | undefined;
  extraAttempts: number;
  review: ReviewOptions;
}

/** The policy for a learner: anonymous learners get the quiz and course file's rules alone. */
export async function quizPolicy(
  store: ClassroomStore,
  learner: Learner,
  quiz: Quiz,
  outline: Pick<CourseOutline, 'grading'>,
): Promise<QuizPolicy> {
  const [settings, allowance] =
    learner.kind === 'student'
      ? await Promise.all([
          store.quizSettings.get(learner.classId, quiz.id),
          store.quizSettings.getAllowance(learner.id, quiz.id),
        ])
      : [undefined, undefined];
  const extraAttempts = allowance?.extraAttempts ?? 0;
  return {
    opensAt: settings?.opensAt ?? null,
    dueAt: settings?.dueAt ?? null,
    latePolicy: settings?.latePolicy ?? 'refuse',
    maxAttempts: quiz.maxAttempts === undefined ? undefined : quiz.maxAttempts + extraAttempts,
    extraAttempts,
    review: resolveReview(outline.grading.review, settings?.review),
  };
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** Refuses work on a quiz before it opens, and after its due date when late submissions are refused. */
export function assertQuizOpen(policy: QuizPolicy, now: number): void {
  if (policy.opensAt !== null && now < policy.opensAt) {
    throw new ApiError(
      409,
      'quiz-not-open',
      `This quiz opens at ${iso(policy.opensAt)}; nothing was saved. Come back then.`,
    );
  }
  if (policy.dueAt !== null && now > policy.dueAt && policy.latePolicy === 'refuse') {
    throw new ApiError(
      409,
      'quiz-closed',
      `This quiz was due at ${iso(policy.dueAt)} and takes no late submissions; nothing was saved. Ask your teacher.`,
    );
  }
}

/** Whether an attempt came in after the due date (the teacher takes late submissions, marked late). */
export function isLate(
  policy: Pick<QuizPolicy, 'dueAt'>,
  attempt: Pick<AttemptRecord, 'submittedAt'>,
): boolean {
  return policy.dueAt !== null && attempt.submittedAt > policy.dueAt;
}

/** What the student may see of their attempts now. */
export function visibilityFor(policy: QuizPolicy, attemptsUsed: number, now: number): ReviewVisibility {
  const attemptsLeft =
    policy.maxAttempts === undefined ? null : Math.max(0, policy.maxAttempts - attemptsUsed);
  return reviewVisibility(policy.review, { attemptsLeft, dueAt: policy.dueAt, now });
}

/**
 * The essay word limits of the quiz file, enforced on the server: an essay outside `minWords`–`maxWords`
 * is refused with one issue per essay, before anything is graded or stored. An empty essay is unanswered.
 */
export function assertWordLimits(quiz: Quiz, responses: Record<string, unknown>): void {
  const issues: ApiIssue[] = [];
  for (const question of questionsOf(quiz)) {
    if (question.type !== 'essay') continue;
    const response = responses[question.id];
    if (typeof response !== 'string' || response.trim() === '') continue;
    const words = countWords(response);
    if (question.maxWords !== undefined && words > question.maxWords) {
      issues.push({
        path: `responses.${question.id}`,
        message: `has ${words} words; this essay allows at most ${question.maxWords}. Shorten it.`,
      });
    } else if (question.minWords !== undefined && words < question.minWords) {
      issues.push({
        path: `responses.${question.id}`,
        message: `has ${words} words; this essay needs at least ${question.minWords}. Add to it.`,
      });
    }
  }
  const [first] = issues;
  if (first) {
    throw new ApiError(
      400,
      'essay-word-limit',
      `An essay is outside its word limits (${first.path} ${first.message}) Nothing was saved.`,
      { issues },
    );
  }
}

import type { ReviewedAttempt } from './attempt-review';
import { summariseAttempt } from './attempt-summary';
import type { CourseOutline } from './course';
import { availabilityOf, reviewedAttemptsOf } from './learner-review';
import { quizPolicy } from './quiz-policy';
import type { LearnerLookup } from './sessions';
import type { ClassroomStore } from './storage/types';

/** One quiz as the learner's home page and lesson badges show it, from the server. */
export interface QuizProgress {
  quizId: string;
  attemptsUsed: number;
  /** With the attempts a teacher granted; null for unlimited. */
  maxAttempts: number | null;
  /** The highest percentage over the attempts (marks and overrides applied); null before any attempt. */
  best: { percentage: number; passed: boolean | null } | null;
  /** Essays of any attempt still waiting for the teacher. */
  pendingMarks: number;
  awaitingMarking: boolean;
  availability: ReturnType<typeof availabilityOf>;
}

export interface LearnerProgress {
  learner:
    | { kind: 'student'; id: string; displayName: string; class: { id: string; name: string } }
    | { kind: 'anonymous' }
    | null;
  /**
   * Every submitted attempt, with `result` as the review options allow it now (the teacher's marks
   * applied); null when the quiz has changed too much since.
   */
  attempts: ReviewedAttempt[];
  completions: { lessonId: string; completedAt: string }[];
  /** By quiz id, every quiz of the course. */
  quizzes: Record<string, QuizProgress>;
}

/** The learner's own attempts, completions and quiz standings, and nobody else's. */
export async function learnerProgress(
  store: ClassroomStore,
  lookup: LearnerLookup,
  outline: CourseOutline | undefined,
  now: number = Date.now(),
): Promise<LearnerProgress> {
  if (lookup.status !== 'ok' || !outline)
    return { learner: null, attempts: [], completions: [], quizzes: {} };
  const { learner, student } = lookup;
  const [stored, completions, classRecord] = await Promise.all([
    store.attempts.listByLearner(learner.id),
    store.completions.listByLearner(learner.id),
    learner.kind === 'student' ? store.classes.get(learner.classId) : Promise.resolve(undefined),
  ]);
  const attempts: ReviewedAttempt[] = [];
  const quizzes: Record<string, QuizProgress> = {};
  for (const quiz of outline.quizzes.values()) {
    const policy = await quizPolicy(store, learner, quiz, outline);
    const reviewed = stored.some((a) => a.quizId === quiz.id)
      ? await reviewedAttemptsOf({ store, now }, learner, quiz, quiz.id, policy)
      : [];
    attempts.push(...reviewed);
    const best = reviewed.reduce<ReviewedAttempt | undefined>(
      (top, a) => (top === undefined || a.percentage > top.percentage ? a : top),
      undefined,
    );
    const pendingMarks = reviewed.reduce((sum, a) => sum + a.pendingMarks, 0);
    quizzes[quiz.id] = {
      quizId: quiz.id,
      attemptsUsed: reviewed.length,
      maxAttempts: policy.maxAttempts ?? null,
      best: best ? { percentage: best.percentage, passed: best.passed } : null,
      pendingMarks,
      awaitingMarking: pendingMarks > 0,
      availability: availabilityOf(policy, now),
    };
  }
  // Attempts at a quiz the course no longer has stay listed, without a result.
  for (const record of stored) {
    if (outline.quizzes.has(record.quizId)) continue;
    attempts.push({
      ...summariseAttempt(record, record.passed),
      late: false,
      pendingMarks: 0,
      awaitingMarking: false,
      result: null,
    });
  }
  attempts.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.number - b.number);
  return {
    learner:
      student && classRecord
        ? {
            kind: 'student',
            id: student.id,
            displayName: student.displayName,
            class: { id: classRecord.id, name: classRecord.name },
          }
        : { kind: 'anonymous' },
    attempts,
    completions: completions.map((c) => ({
      lessonId: c.lessonId,
      completedAt: new Date(c.completedAt).toISOString(),
    })),
    quizzes,
  };
}

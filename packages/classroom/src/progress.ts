import type { GradeResult, Quiz } from '@coursekit/quiz-engine';
import { type AttemptSummary, summariseAttempt } from './attempt-summary';
import { storedResult } from './attempts';
import type { LearnerLookup } from './sessions';
import type { ClassroomStore } from './storage/types';

export interface LearnerProgress {
  learner:
    | { kind: 'student'; id: string; displayName: string; class: { id: string; name: string } }
    | { kind: 'anonymous' }
    | null;
  /** `result` is rebuilt from the attempt's steps; null when the quiz has changed too much since. */
  attempts: (AttemptSummary & { result: GradeResult | null })[];
  completions: { lessonId: string; completedAt: string }[];
}

/** The learner's own attempts and completions, and nobody else's. */
export async function learnerProgress(
  store: ClassroomStore,
  lookup: LearnerLookup,
  quizzes: ReadonlyMap<string, Quiz>,
): Promise<LearnerProgress> {
  if (lookup.status !== 'ok') return { learner: null, attempts: [], completions: [] };
  const { learner, student } = lookup;
  const [attempts, completions, classRecord] = await Promise.all([
    store.attempts.listByLearner(learner.id),
    store.completions.listByLearner(learner.id),
    learner.kind === 'student' ? store.classes.get(learner.classId) : Promise.resolve(undefined),
  ]);
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
    attempts: attempts.map((attempt) => {
      const result = storedResult(quizzes.get(attempt.quizId), attempt);
      return { ...summariseAttempt(attempt, result ? result.passed : attempt.passed), result };
    }),
    completions: completions.map((c) => ({
      lessonId: c.lessonId,
      completedAt: new Date(c.completedAt).toISOString(),
    })),
  };
}

import type { GradeResult } from '@coursekit/quiz-engine';
import { type AttemptSummary, summariseAttempt } from './attempt-summary';
import type { LearnerLookup } from './sessions';
import type { Storage } from './storage/types';

export interface LearnerProgress {
  learner:
    | { kind: 'student'; id: string; displayName: string; class: { id: string; name: string } }
    | { kind: 'anonymous' }
    | null;
  attempts: (AttemptSummary & { result: GradeResult })[];
  completions: { lessonId: string; completedAt: string }[];
}

/** The learner's own attempts and completions, and nobody else's. */
export async function learnerProgress(storage: Storage, lookup: LearnerLookup): Promise<LearnerProgress> {
  if (lookup.status !== 'ok') return { learner: null, attempts: [], completions: [] };
  const { learner, student } = lookup;
  const [attempts, completions, classRecord] = await Promise.all([
    storage.listAttemptsByLearner(learner.id),
    storage.listCompletionsByLearner(learner.id),
    learner.kind === 'student' ? storage.getClass(learner.classId) : Promise.resolve(undefined),
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
      const result = JSON.parse(attempt.result) as GradeResult;
      return { ...summariseAttempt(attempt, result), result };
    }),
    completions: completions.map((c) => ({
      lessonId: c.lessonId,
      completedAt: new Date(c.completedAt).toISOString(),
    })),
  };
}

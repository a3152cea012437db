import type { Quiz } from '@coursekit/quiz-engine';

/**
 * The question types every attempt of the quiz shows: those of its fixed questions, and a pool's when all its
 * members are of one type (it draws at least one). The page has the island fetch these controls with the quiz;
 * a type that only some draws show is fetched once an attempt that shows it has arrived, so a learner whose
 * attempt does not draw the pool's essay never downloads the essay control.
 */
export function typesEveryAttemptShows(quiz: Quiz): string[] {
  const types = new Set<string>();
  for (const entry of quiz.questions) {
    if (entry.type !== 'pool') {
      types.add(entry.type);
      continue;
    }
    const poolTypes = new Set(entry.questions.map((question) => question.type));
    if (entry.draw > 0 && poolTypes.size === 1) for (const type of poolTypes) types.add(type);
  }
  return [...types];
}

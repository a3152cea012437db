import { slugPattern } from '@coursekit/issues';
import type { Quiz } from '@coursekit/quiz-engine';
import { loadCourseOutline } from './course';

/**
 * Every quiz of the course folder (`quizzes/<id>.yaml` or `.gift`, read and checked by `@coursekit/mdx`),
 * in secret form: keep them on the server.
 */
export async function loadQuizzes(dir: string): Promise<ReadonlyMap<string, Quiz>> {
  return (await loadCourseOutline(dir)).quizzes;
}

/** The quiz with this id, or undefined for an unknown (or malformed) id. */
export async function findQuiz(id: string, dir: string): Promise<Quiz | undefined> {
  if (!slugPattern.test(id)) return undefined;
  return (await loadQuizzes(dir)).get(id);
}

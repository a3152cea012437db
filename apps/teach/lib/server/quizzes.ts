import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importGift, parseQuiz, type Quiz } from '@coursekit/quiz-engine';
import { parse as parseYaml } from 'yaml';
import { courseDirectory } from './config';
import { CourseFolderError } from './course';

const QUIZ_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function readQuizzes(dir: string): Promise<Map<string, Quiz>> {
  const folder = join(dir, 'quizzes');
  const names = (await readdir(folder).catch(() => [] as string[])).sort();
  const quizzes = new Map<string, Quiz>();
  const problems: string[] = [];
  for (const name of names) {
    const match = /^(.+)\.(ya?ml|gift)$/.exec(name);
    if (!match) continue;
    const [, fileId, extension] = match as unknown as [string, string, string];
    const file = `quizzes/${name}`;
    try {
      const text = await readFile(join(folder, name), 'utf8');
      const quiz = extension === 'gift' ? importGift(text, { id: fileId }) : parseQuiz(parseYaml(text));
      if (quiz.id !== fileId) {
        problems.push(`${file}: the quiz id '${quiz.id}' must match the file name ('${fileId}')`);
      } else if (quizzes.has(quiz.id)) {
        problems.push(`${file}: a second quiz with id '${quiz.id}'`);
      } else {
        quizzes.set(quiz.id, quiz);
      }
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new CourseFolderError(dir, problems);
  return quizzes;
}

const cache = new Map<string, Promise<Map<string, Quiz>>>();

/**
 * Every quiz of the course folder (`COURSE_DIR`, default `content/two-peripheries` under the app's
 * working directory), in secret form: keep them on the server. Loaded once per process in production.
 */
export function loadQuizzes(dir: string = courseDirectory()): Promise<Map<string, Quiz>> {
  if (process.env.NODE_ENV !== 'production') return readQuizzes(dir);
  let quizzes = cache.get(dir);
  if (!quizzes) {
    quizzes = readQuizzes(dir);
    quizzes.catch(() => cache.delete(dir));
    cache.set(dir, quizzes);
  }
  return quizzes;
}

/** The quiz with this id, or undefined for an unknown (or malformed) id. */
export async function findQuiz(id: string, dir?: string): Promise<Quiz | undefined> {
  if (!QUIZ_ID.test(id)) return undefined;
  return (await loadQuizzes(dir)).get(id);
}

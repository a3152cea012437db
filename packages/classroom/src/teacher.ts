import { randomBytes } from 'node:crypto';
import { attemptSeed } from '@coursekit/quiz-engine';
import { z } from 'zod';
import { gradedResult } from './attempt-review';
import { publicQuizFor } from './attempts';
import { generateJoinCode, nameCharacterProblem } from './codes';
import { loadCourseOutline } from './course';
import { buildDashboard, type ClassDashboard } from './dashboard';
import { ApiError, notFound } from './errors';
import { analyseQuiz, type QuestionAnalysis } from './item-analysis';
import { pendingMarksByAttempt } from './marking';
import { loadQuizzes } from './quizzes';
import type { ClassRecord, ClassroomStore } from './storage/types';

export const createClassSchema = z.strictObject({
  name: z
    .string('Give the class a name, such as "Period 3".')
    .transform((name) => name.normalize('NFC').trim().replace(/\s+/gu, ' '))
    .pipe(
      z
        .string()
        .min(1, 'Give the class a name, such as "Period 3".')
        .max(80, 'Use at most 80 characters for the class name.')
        .refine(
          (name) => nameCharacterProblem(name) !== 'unreadable',
          'Remove control, invisible, private-use or unassigned characters from the class name.',
        )
        .refine(
          (name) => nameCharacterProblem(name) !== 'invisible',
          'The class name shows no letters; use letters or digits, such as "Period 3".',
        ),
    ),
});

/** Creates a class with a fresh join code (drawing again on the rare clash). */
export async function createClass(store: ClassroomStore, name: string, now: number): Promise<ClassRecord> {
  for (let tries = 0; tries < 10; tries++) {
    const created = await store.classes.create({
      id: `cls_${randomBytes(9).toString('base64url')}`,
      name,
      joinCode: generateJoinCode(),
      createdAt: now,
    });
    if (created !== 'join-code-taken') return created;
  }
  throw new ApiError(503, 'join-codes-exhausted', 'Could not find a free join code; try again.');
}

/** Class ids are opaque; anything else is answered like an unknown class. */
export async function findClassOr404(store: ClassroomStore, classId: string): Promise<ClassRecord> {
  const found = /^cls_[A-Za-z0-9_-]{1,40}$/.test(classId) ? await store.classes.get(classId) : undefined;
  if (!found) throw notFound('unknown-class', `There is no class with id '${classId.slice(0, 60)}'.`);
  return found;
}

/** Gathers one class's students, attempts, completions and item statistics into its dashboard. */
export async function loadDashboard(
  store: ClassroomStore,
  classId: string,
  courseDir: string,
): Promise<ClassDashboard> {
  const classRecord = await findClassOr404(store, classId);
  const [outline, quizzes, allStudents, attempts, completions, items, grades, roster] = await Promise.all([
    loadCourseOutline(courseDir),
    loadQuizzes(courseDir),
    store.classes.listStudents(classId),
    store.attempts.listByClass(classId),
    store.completions.listByClass(classId),
    store.attempts.itemStatistics(classId),
    store.marking.listByClass(classId),
    store.roster.listByClass(classId),
  ]);
  const removed = new Set(roster.filter((e) => e.removedAt !== null).map((e) => e.studentId));
  const identifiers = new Map(roster.map((e) => [e.studentId, e.identifier]));
  const students = allStudents.filter((student) => !removed.has(student.id));
  const pendingMarks = pendingMarksByAttempt(quizzes, attempts, grades);
  const analysis = new Map<string, ReadonlyMap<string, QuestionAnalysis>>();
  for (const quiz of quizzes.values()) {
    const graded = attempts.flatMap((attempt) => {
      if (attempt.quizId !== quiz.id) return [];
      const result = gradedResult(
        quiz,
        attempt,
        grades.filter((g) => g.attemptId === attempt.id),
      );
      const shown = publicQuizFor(quiz, attemptSeed(attempt.seed, attempt.attemptNumber));
      return result ? [{ result, shown }] : [];
    });
    if (graded.length > 0) analysis.set(quiz.id, analyseQuiz(quiz, graded));
  }
  return buildDashboard({
    analysis,
    identifiers,
    classRecord,
    outline,
    quizzes,
    students,
    attempts,
    completions,
    items,
    pendingMarks,
  });
}

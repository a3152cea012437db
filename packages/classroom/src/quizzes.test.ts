import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseOutline } from './course';
import { findQuiz, loadQuizzes } from './quizzes';
import { fixtureCourseDir, realCourseDir } from './testing';

describe('quiz lookup', () => {
  it('finds the fixture quizzes by id, in secret form', async () => {
    const quiz = await findQuiz('summits-and-workers', fixtureCourseDir);
    expect(quiz?.behaviour).toBe('deferred');
    expect(quiz?.maxAttempts).toBe(2);
    expect(JSON.stringify(quiz)).toContain('"correct":true');
  });

  it('answers undefined for unknown ids and for ids that try to leave the folder', async () => {
    expect(await findQuiz('no-such-quiz', fixtureCourseDir)).toBeUndefined();
    expect(await findQuiz('../course', fixtureCourseDir)).toBeUndefined();
    expect(await findQuiz('__proto__', fixtureCourseDir)).toBeUndefined();
  });

  // The real course compiles every lesson and quiz: seconds on a shared machine, more than the default.
  it('loads every quiz of the real course, including the quiz of each lesson', {
    timeout: 30_000,
  }, async () => {
    const [quizzes, outline] = await Promise.all([
      loadQuizzes(realCourseDir),
      loadCourseOutline(realCourseDir),
    ]);
    for (const lesson of outline.lessons) {
      if (lesson.quizId) expect(quizzes.has(lesson.quizId), `quiz of ${lesson.id}`).toBe(true);
    }
  });

  it('refuses a course with an invalid quiz, naming the quiz file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursekit-quizzes-'));
    try {
      cpSync(fixtureCourseDir, dir, { recursive: true });
      writeFileSync(join(dir, 'quizzes', 'treaty-years.yaml'), 'id: treaty-years\ntitle: T\nquestions: []\n');
      const error = await loadQuizzes(dir).catch((e: Error) => e);
      expect(String((error as Error).message)).toMatch(/quizzes\/treaty-years\.yaml:\d+:\d+ .*question/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lessonProgressOf, nextLesson, readClassProgress } from './class-progress.js';
import { emptyProgress, markLessonComplete } from './progress.js';

const member = {
  learner: { kind: 'student', id: 's1', displayName: 'Ada', class: { id: 'c1', name: 'Seminar B' } },
  attempts: [],
  completions: [{ lessonId: 'rupture', completedAt: '2026-01-02T03:04:05.000Z' }],
  quizzes: {
    'rupture-quiz': { attemptsUsed: 1, best: { percentage: 75, passed: true } },
    'upswing-quiz': { attemptsUsed: 0, best: null },
  },
};
// This browser says the visitor finished a lesson the class member never did (a shared computer).
const local = markLessonComplete(emptyProgress('course'), 'upswing', new Date('2026-01-01T00:00:00Z'));

describe('readClassProgress', () => {
  it("reads a class member's completions and best quiz results", () => {
    expect(readClassProgress(member)).toEqual({
      className: 'Seminar B',
      completed: { rupture: '2026-01-02T03:04:05.000Z' },
      best: { 'rupture-quiz': { percentage: 75, passed: true } },
    });
  });

  it('is null for a signed-out visitor or an anonymous learner, so the browser progress is used', () => {
    expect(readClassProgress({ learner: null, attempts: [], completions: [], quizzes: {} })).toBeNull();
    expect(readClassProgress({ ...member, learner: { kind: 'anonymous' } })).toBeNull();
    expect(readClassProgress(null)).toBeNull();
  });
});

describe('lessonProgressOf', () => {
  it("shows a class member the server's progress, not this browser's", () => {
    const server = readClassProgress(member);
    expect(lessonProgressOf(server, local, 'rupture', 'rupture-quiz')).toEqual({
      completedAt: '2026-01-02T03:04:05.000Z',
      bestScore: 75,
      passed: true,
    });
    expect(lessonProgressOf(server, local, 'upswing', 'upswing-quiz')).toBeUndefined();
  });

  it("shows a visitor this browser's progress", () => {
    expect(lessonProgressOf(null, local, 'upswing')?.completedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('nextLesson', () => {
  const lessons = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('is the first lesson not completed, with its number', () => {
    expect(nextLesson(lessons, () => false)).toEqual({ lesson: { id: 'a' }, number: 1 });
    expect(nextLesson(lessons, (id) => id === 'a' || id === 'c')).toEqual({ lesson: { id: 'b' }, number: 2 });
    expect(nextLesson(lessons, () => true)).toBeUndefined();
  });
});

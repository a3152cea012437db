import { describe, expect, it } from 'vitest';
import {
  countCompleted,
  emptyProgress,
  markLessonComplete,
  parseProgress,
  recordQuizScore,
  serialiseProgress,
} from './progress';

const now = new Date('2025-01-02T03:04:05.000Z');

describe('parseProgress', () => {
  it('round-trips what it stores', () => {
    const saved = recordQuizScore(
      markLessonComplete(emptyProgress(), 'rupture-and-upswing', now),
      'rupture-and-upswing',
      80,
      true,
    );
    const restored = parseProgress(serialiseProgress(saved));
    expect(restored.lessons['rupture-and-upswing']).toEqual({
      completedAt: '2025-01-02T03:04:05.000Z',
      bestScore: 80,
      passed: true,
    });
  });

  it('treats missing, corrupt or foreign data as no progress', () => {
    for (const raw of [
      null,
      '',
      '{not json',
      'null',
      '[]',
      JSON.stringify({ version: 1, course: 'another-course', lessons: {} }),
      JSON.stringify({ version: 2, course: 'two-peripheries', lessons: {} }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: { x: { bestScore: 140 } } }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: { 'Bad Id': {} } }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: { a: { completedAt: 'yesterday' } } }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: {}, isAdmin: true }),
    ]) {
      expect(parseProgress(raw)).toEqual(emptyProgress());
    }
  });
});

describe('recordQuizScore', () => {
  it('keeps the best score and remembers a pass after a worse retry', () => {
    let progress = recordQuizScore(emptyProgress(), 'a', 90, true);
    progress = recordQuizScore(progress, 'a', 40, false);
    expect(progress.lessons.a).toEqual({ bestScore: 90, passed: true });
  });

  it('clamps scores into 0–100 and ignores non-numbers', () => {
    expect(recordQuizScore(emptyProgress(), 'a', 120, true).lessons.a?.bestScore).toBe(100);
    expect(recordQuizScore(emptyProgress(), 'a', Number.NaN, true)).toEqual(emptyProgress());
  });
});

describe('markLessonComplete', () => {
  it('keeps the first completion time and the quiz score', () => {
    const first = markLessonComplete(recordQuizScore(emptyProgress(), 'a', 50, false), 'a', now);
    const again = markLessonComplete(first, 'a', new Date('2030-01-01T00:00:00Z'));
    expect(again.lessons.a).toEqual({ bestScore: 50, passed: false, completedAt: now.toISOString() });
    expect(countCompleted(again, ['a', 'b'])).toBe(1);
  });
});

import { slugPattern } from '@coursekit/issues';
import { describe, expect, it } from 'vitest';
import {
  countCompleted,
  emptyProgress,
  lessonIdPattern,
  markLessonComplete,
  parseProgress,
  progressStorageKey,
  recordQuizScore,
  serialiseProgress,
} from './progress.js';

const COURSE = 'two-peripheries';
const now = new Date('2025-01-02T03:04:05.000Z');

describe('parseProgress', () => {
  it('round-trips what it stores', () => {
    const saved = recordQuizScore(
      markLessonComplete(emptyProgress(COURSE), 'rupture-and-upswing', now),
      'rupture-and-upswing',
      80,
      true,
    );
    const restored = parseProgress(serialiseProgress(saved), COURSE);
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
      expect(parseProgress(raw, COURSE)).toEqual(emptyProgress(COURSE));
    }
  });

  it('keeps every lesson of well-formed data, with or without each field', () => {
    const lessons = {
      a: {},
      'rupture-and-upswing': { completedAt: '2025-01-02T03:04:05.000Z', bestScore: 0, passed: false },
      'summit-2': { bestScore: 100, passed: true },
      b: { completedAt: '2024-02-29T23:59:59Z' },
    };
    const restored = parseProgress(
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons }),
      COURSE,
    );
    expect(restored).toEqual({ version: 1, course: 'two-peripheries', lessons });
  });

  it('treats data of an older or other shape as no progress', () => {
    const lesson = (value: unknown) =>
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: { a: value } });
    for (const raw of [
      // Without a version, or with the version as text; lessons as a list of ids.
      JSON.stringify({ course: 'two-peripheries', lessons: {} }),
      JSON.stringify({ version: '1', course: 'two-peripheries', lessons: {} }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: ['a', 'b'] }),
      JSON.stringify({ version: 1, course: 'two-peripheries' }),
      JSON.stringify({ version: 1, course: 'two-peripheries', lessons: null }),
      lesson(true),
      lesson('2025-01-02T03:04:05.000Z'),
      lesson({ completed: true }),
      lesson({ bestScore: '80' }),
      lesson({ bestScore: -1 }),
      lesson({ passed: 'yes' }),
      lesson({ completedAt: 1735787045000 }),
      lesson({ completedAt: '2025-01-02' }),
      lesson({ completedAt: '2025-01-02T03:04:05+01:00' }),
      lesson({ completedAt: '2025-02-30T03:04:05Z' }),
      lesson({ completedAt: '2025-04-31T03:04:05Z' }),
      lesson({ completedAt: '2025-02-29T03:04:05Z' }),
      lesson({ completedAt: '2025-01-02T24:00:00Z' }),
    ]) {
      expect(parseProgress(raw, COURSE), raw).toEqual(emptyProgress(COURSE));
    }
  });

  it('refuses hostile data whole, without changing any object', () => {
    for (const raw of [
      '{"version":1,"course":"two-peripheries","lessons":{"__proto__":{"passed":true}}}',
      '{"version":1,"course":"two-peripheries","lessons":{},"__proto__":{"isAdmin":true}}',
      '{"version":1,"course":"two-peripheries","lessons":{"a":{"passed":true,"__proto__":{"x":1}}}}',
      '{"version":1,"course":"two-peripheries","lessons":{"a":{"bestScore":80},"<script>":{}}}',
    ]) {
      expect(parseProgress(raw, COURSE), raw).toEqual(emptyProgress(COURSE));
    }
    expect(({} as Record<string, unknown>).passed).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('recordQuizScore', () => {
  it('keeps the best score and remembers a pass after a worse retry', () => {
    let progress = recordQuizScore(emptyProgress(COURSE), 'a', 90, true);
    progress = recordQuizScore(progress, 'a', 40, false);
    expect(progress.lessons.a).toEqual({ bestScore: 90, passed: true });
  });

  it('clamps scores into 0–100 and ignores non-numbers', () => {
    expect(recordQuizScore(emptyProgress(COURSE), 'a', 120, true).lessons.a?.bestScore).toBe(100);
    expect(recordQuizScore(emptyProgress(COURSE), 'a', Number.NaN, true)).toEqual(emptyProgress(COURSE));
  });
});

describe('markLessonComplete', () => {
  it('keeps the first completion time and the quiz score', () => {
    const first = markLessonComplete(recordQuizScore(emptyProgress(COURSE), 'a', 50, false), 'a', now);
    const again = markLessonComplete(first, 'a', new Date('2030-01-01T00:00:00Z'));
    expect(again.lessons.a).toEqual({ bestScore: 50, passed: false, completedAt: now.toISOString() });
    expect(countCompleted(again, ['a', 'b'])).toBe(1);
  });
});

describe('progressStorageKey', () => {
  it('keeps each course under its own key, so two courses on one origin never share progress', () => {
    expect(progressStorageKey('two-peripheries')).toBe('coursekit:two-peripheries:progress:v1');
    expect(progressStorageKey('gettysburg-address')).not.toBe(progressStorageKey('two-peripheries'));
  });

  it("reads another course's stored progress as none", () => {
    const other = serialiseProgress(markLessonComplete(emptyProgress('other-course'), 'a', now));
    expect(parseProgress(other, COURSE)).toEqual(emptyProgress(COURSE));
  });
});

describe('lessonIdPattern', () => {
  it('is the slug rule of @coursekit/issues, which lesson ids follow', () => {
    expect(lessonIdPattern.source).toBe(slugPattern.source);
    expect(lessonIdPattern.flags).toBe(slugPattern.flags);
  });
});

// zod/mini keeps the validator small: this module ships to the browser with the quiz and progress badges.
import { slugPattern } from '@coursekit/issues';
import * as z from 'zod/mini';

/** Where a student's progress lives in the browser when they are not in a class. */
export const PROGRESS_STORAGE_KEY = 'coursekit:two-peripheries:progress:v1';
export const PROGRESS_COURSE_ID = 'two-peripheries';

const slug = z.string().check(z.regex(slugPattern));

const lessonProgressSchema = z.strictObject({
  completedAt: z.optional(z.iso.datetime()),
  bestScore: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  passed: z.optional(z.boolean()),
});

const progressSchema = z.strictObject({
  version: z.literal(1),
  course: z.literal(PROGRESS_COURSE_ID),
  lessons: z.record(slug, lessonProgressSchema),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: 1, course: PROGRESS_COURSE_ID, lessons: {} };
}

/**
 * Reads stored progress. Anything that is not our exact shape — corrupt JSON, another course's or an
 * older version's data, values out of range — counts as no progress rather than an error.
 */
export function parseProgress(raw: string | null | undefined): Progress {
  if (!raw) return emptyProgress();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  const result = progressSchema.safeParse(data);
  return result.success ? result.data : emptyProgress();
}

export function serialiseProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

export function markLessonComplete(progress: Progress, lessonId: string, now: Date): Progress {
  const current = progress.lessons[lessonId] ?? {};
  if (current.completedAt) return progress;
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: { ...current, completedAt: now.toISOString() } },
  };
}

/** Keeps the best percentage a student has reached on a lesson's quiz; a worse retry changes nothing. */
export function recordQuizScore(
  progress: Progress,
  lessonId: string,
  scorePercent: number,
  passed: boolean,
): Progress {
  if (!Number.isFinite(scorePercent)) return progress;
  const score = Math.min(100, Math.max(0, Math.round(scorePercent * 10) / 10));
  const current = progress.lessons[lessonId] ?? {};
  const best = current.bestScore === undefined || score > current.bestScore ? score : current.bestScore;
  const next: LessonProgress = { ...current, bestScore: best, passed: Boolean(current.passed) || passed };
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: next } };
}

/** A summary for the course home: how many of the listed lessons are complete. */
export function countCompleted(progress: Progress, lessonIds: readonly string[]): number {
  return lessonIds.filter((id) => progress.lessons[id]?.completedAt !== undefined).length;
}

// Plain checks rather than a schema library: this module ships to the browser with the quiz and progress
// badges, and the shape it reads back from localStorage is three optional fields per lesson.

/**
 * A lesson id: @coursekit/issues' `slugPattern`, written out because importing that package's index would
 * put its whole rule table (about 6 KB gzip) into every page that shows progress. progress.test.ts checks
 * that the two agree.
 */
export const lessonIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where a student's progress in a course lives in the browser (`localStorage`) when they are not in a class. */
export function progressStorageKey(courseId: string): string {
  return `coursekit:${courseId}:progress:v1`;
}

export interface LessonProgress {
  /** When the student marked the lesson complete, as `Date.toISOString()` writes it. */
  completedAt?: string;
  /** Best quiz score in percent, 0–100. */
  bestScore?: number;
  passed?: boolean;
}

export interface Progress {
  version: 1;
  /** The course's `id` from course.yaml. */
  course: string;
  lessons: Record<string, LessonProgress>;
}

// UTC only, as `toISOString` writes it.
const utcTimePattern =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

type Checks = Record<string, (value: unknown) => boolean>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an object whose every key is one of `checks` and passes it (strict, as the stored shape is). */
function matches(value: unknown, checks: Checks): value is Record<string, unknown> {
  return (
    isPlainObject(value) &&
    Object.entries(value).every(([key, field]) => Object.hasOwn(checks, key) && checks[key]?.(field))
  );
}

function isUtcTime(value: unknown): boolean {
  // `Date` rolls a day that does not exist (2025-02-30) over into the next month, which changes the date.
  return (
    typeof value === 'string' &&
    utcTimePattern.test(value) &&
    new Date(value).toISOString().slice(0, 10) === value.slice(0, 10)
  );
}

const lessonChecks: Checks = {
  completedAt: isUtcTime,
  bestScore: (value) => typeof value === 'number' && value >= 0 && value <= 100,
  passed: (value) => typeof value === 'boolean',
};

const progressChecks = (courseId: string): Checks => ({
  version: (value) => value === 1,
  course: (value) => value === courseId,
  // The id pattern also keeps out `__proto__`, which JSON.parse makes an own key.
  lessons: (lessons) =>
    isPlainObject(lessons) &&
    Object.entries(lessons).every(
      ([id, lesson]) => lessonIdPattern.test(id) && matches(lesson, lessonChecks),
    ),
});

/** True when `data` is exactly our shape: all three fields, this course, version 1, valid lessons. */
function isProgress(data: unknown, courseId: string): data is Progress {
  return matches(data, progressChecks(courseId)) && Object.keys(data).length === 3;
}

export function emptyProgress(courseId: string): Progress {
  return { version: 1, course: courseId, lessons: {} };
}

/**
 * Reads stored progress. Anything that is not our exact shape — corrupt JSON, another course's or an
 * older version's data, values out of range — counts as no progress rather than an error.
 */
export function parseProgress(raw: string | null | undefined, courseId: string): Progress {
  if (!raw) return emptyProgress(courseId);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyProgress(courseId);
  }
  return isProgress(data, courseId) ? data : emptyProgress(courseId);
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

// Plain checks rather than a schema library: this module ships to the browser with the quiz and progress
// badges, and the shape it reads back from localStorage is three optional fields per lesson.

/** Where a student's progress lives in the browser when they are not in a class. */
export const PROGRESS_STORAGE_KEY = 'coursekit:two-peripheries:progress:v1';
export const PROGRESS_COURSE_ID = 'two-peripheries';

export interface LessonProgress {
  /** When the student marked the lesson complete, as `Date.toISOString()` writes it. */
  completedAt?: string;
  /** Best quiz score in percent, 0–100. */
  bestScore?: number;
  passed?: boolean;
}

export interface Progress {
  version: 1;
  course: typeof PROGRESS_COURSE_ID;
  lessons: Record<string, LessonProgress>;
}

const lessonIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// UTC only, as `toISOString` writes it; the date must also exist (no 2025-02-30).
const utcTimePattern = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` has no keys but the allowed ones (a strict object, as the stored shape is). */
function hasOnlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isUtcTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = utcTimePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function lessonProgressOf(value: unknown): LessonProgress | undefined {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['completedAt', 'bestScore', 'passed'])) return undefined;
  const { completedAt, bestScore, passed } = value;
  if (completedAt !== undefined && !isUtcTime(completedAt)) return undefined;
  if (bestScore !== undefined && !(typeof bestScore === 'number' && bestScore >= 0 && bestScore <= 100))
    return undefined;
  if (passed !== undefined && typeof passed !== 'boolean') return undefined;
  return { ...value } as LessonProgress;
}

/** The stored progress when `data` is exactly our shape (this course, version 1), else undefined. */
function progressOf(data: unknown): Progress | undefined {
  if (!isPlainObject(data) || !hasOnlyKeys(data, ['version', 'course', 'lessons'])) return undefined;
  if (data.version !== 1 || data.course !== PROGRESS_COURSE_ID || !isPlainObject(data.lessons))
    return undefined;
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, value] of Object.entries(data.lessons)) {
    // The pattern also keeps out `__proto__`, which would change the object rather than add a lesson.
    if (!lessonIdPattern.test(id)) return undefined;
    const lesson = lessonProgressOf(value);
    if (!lesson) return undefined;
    lessons[id] = lesson;
  }
  return { version: 1, course: PROGRESS_COURSE_ID, lessons };
}

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
  return progressOf(data) ?? emptyProgress();
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

import { useSyncExternalStore } from 'react';
import type { LessonProgress, Progress } from './progress.js';
import { useProgress } from './use-progress.js';

// A class member's progress lives on the server (`GET /api/me/progress`), so it is the same on every device;
// visitors who are not in a class keep the progress of this browser.

/** What the home page needs of `GET /api/me/progress` for a class member. */
export interface ClassProgress {
  className: string;
  /** Lesson id → when it was completed. */
  completed: Record<string, string>;
  /** Quiz id → best result; `passed` is null while essays await marking. */
  best: Record<string, { percentage: number; passed: boolean | null }>;
}

/** The class progress in a `GET /api/me/progress` answer, or null for a visitor who is not in a class. */
export function readClassProgress(data: unknown): ClassProgress | null {
  const body = data as {
    learner?: { kind?: unknown; class?: { name?: unknown } } | null;
    completions?: { lessonId: string; completedAt: string }[];
    quizzes?: Record<string, { best?: { percentage: number; passed: boolean | null } | null }>;
  } | null;
  if (body?.learner?.kind !== 'student') return null;
  const best: ClassProgress['best'] = {};
  for (const [quizId, quiz] of Object.entries(body.quizzes ?? {})) if (quiz.best) best[quizId] = quiz.best;
  return {
    className: String(body.learner.class?.name ?? ''),
    completed: Object.fromEntries((body.completions ?? []).map((c) => [c.lessonId, c.completedAt])),
    best,
  };
}

/** One lesson's progress: the server's for a class member, else this browser's. */
export function lessonProgressOf(
  server: ClassProgress | null,
  local: Progress,
  lessonId: string,
  quizId?: string,
): LessonProgress | undefined {
  if (!server) return local.lessons[lessonId];
  const completedAt = server.completed[lessonId];
  const best = quizId ? server.best[quizId] : undefined;
  if (!completedAt && !best) return undefined;
  const lesson: LessonProgress = {};
  if (completedAt) lesson.completedAt = completedAt;
  if (best) {
    lesson.bestScore = best.percentage;
    lesson.passed = best.passed === true;
  }
  return lesson;
}

// Asked once per page, when the first control that shows progress mounts.
let classProgress: ClassProgress | null = null;
let requested = false;
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  if (requested) return () => listeners.delete(onChange);
  requested = true;
  void fetch('/api/me/progress', {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'application/json' },
  })
    .then((response) => (response.ok ? response.json() : null))
    .then((data: unknown) => {
      classProgress = readClassProgress(data);
      for (const listener of listeners) listener();
    })
    // Unreachable server: the browser's progress stays on screen.
    .catch(() => undefined);
  return () => listeners.delete(onChange);
}

/**
 * Records a completion the server has just confirmed in this page's copy of the class progress, so every
 * control showing it updates without another request. Nothing happens for a visitor outside a class.
 */
export function noteClassCompletion(lessonId: string, completedAt: string): void {
  if (!classProgress) return;
  classProgress = { ...classProgress, completed: { ...classProgress.completed, [lessonId]: completedAt } };
  for (const listener of listeners) listener();
}

/** The learner's progress as the home page shows it: `lesson(id, quizId)` and the class, if any. */
export function useLearnerProgress(): {
  className: string | undefined;
  lesson: (lessonId: string, quizId?: string) => LessonProgress | undefined;
} {
  const local = useProgress();
  const server = useSyncExternalStore(
    subscribe,
    () => classProgress,
    () => null,
  );
  return {
    className: server?.className,
    lesson: (lessonId, quizId) => lessonProgressOf(server, local, lessonId, quizId),
  };
}

/** The first lesson not completed yet, with its number; undefined when every lesson is complete. */
export function nextLesson<L extends { id: string }>(
  lessons: readonly L[],
  isCompleted: (lessonId: string) => boolean,
): { lesson: L; number: number } | undefined {
  const index = lessons.findIndex((lesson) => !isCompleted(lesson.id));
  const lesson = lessons[index];
  return lesson ? { lesson, number: index + 1 } : undefined;
}

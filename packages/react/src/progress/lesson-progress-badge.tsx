'use client';

import { useProgress } from './use-progress.js';

/** "Completed" and the best quiz score for one lesson, from this browser's progress. */
export function LessonProgressBadge({ lessonId }: { lessonId: string }) {
  const lesson = useProgress().lessons[lessonId];
  if (!lesson) return <span className="muted">Not started</span>;
  return (
    <>
      {lesson.completedAt ? <span className="badge done">Completed</span> : null}
      {lesson.bestScore !== undefined ? (
        <span className="badge score">
          Best quiz score {lesson.bestScore}%{lesson.passed ? ', passed' : ''}
        </span>
      ) : null}
    </>
  );
}

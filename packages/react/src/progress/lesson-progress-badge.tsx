'use client';

import { useLearnerProgress } from './class-progress.js';

/** "Completed" and the best quiz score for one lesson: the server's for a class member, else this browser's. */
export function LessonProgressBadge({ lessonId, quizId }: { lessonId: string; quizId?: string | undefined }) {
  const lesson = useLearnerProgress().lesson(lessonId, quizId);
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

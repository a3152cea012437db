'use client';

import { useLearnerProgress } from './class-progress.js';

export function CourseProgressSummary({ lessonIds }: { lessonIds: readonly string[] }) {
  const { lesson, className } = useLearnerProgress();
  const completed = lessonIds.filter((id) => lesson(id)?.completedAt !== undefined).length;
  return (
    <p className="progress-summary">
      Your progress: {completed} of {lessonIds.length} lessons completed
      <span className="muted">
        {className === undefined ? ' (kept in this browser)' : ` (saved with your class, ${className})`}
      </span>
    </p>
  );
}

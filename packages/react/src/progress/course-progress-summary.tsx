'use client';

import { countCompleted } from './progress.js';
import { useProgress } from './use-progress.js';

export function CourseProgressSummary({ lessonIds }: { lessonIds: readonly string[] }) {
  const completed = countCompleted(useProgress(), lessonIds);
  return (
    <p className="progress-summary">
      Your progress: {completed} of {lessonIds.length} lessons completed
      <span className="muted"> (kept in this browser)</span>
    </p>
  );
}

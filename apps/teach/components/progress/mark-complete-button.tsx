'use client';

import { markLessonComplete } from '@/lib/course/progress';
import { updateProgress, useProgress } from './use-progress';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

export function MarkCompleteButton({ lessonId }: { lessonId: string }) {
  const completedAt = useProgress().lessons[lessonId]?.completedAt;
  return (
    <div className="progress-controls">
      {completedAt ? (
        <p role="status">
          <span className="badge done">Completed</span> You marked this lesson complete on{' '}
          {dateFormat.format(new Date(completedAt))}.
        </p>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={() => updateProgress((progress) => markLessonComplete(progress, lessonId, new Date()))}
        >
          Mark lesson complete
        </button>
      )}
    </div>
  );
}

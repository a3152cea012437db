'use client';

import { useState } from 'react';
import { type ApiErrorBody, postJson } from '../api.js';
import { markLessonComplete } from './progress.js';
import { updateProgress, useProgress } from './use-progress.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** Records completion in this browser and on the server (where a class member's teacher sees it). */
export function MarkCompleteButton({ lessonId }: { lessonId: string }) {
  const completedAt = useProgress().lessons[lessonId]?.completedAt;
  const [serverProblem, setServerProblem] = useState<string>();

  async function complete() {
    updateProgress((progress) => markLessonComplete(progress, lessonId, new Date()));
    try {
      const result = await postJson('/api/completions', { lessonId });
      const message = (result.data as Partial<ApiErrorBody> | null)?.error?.message;
      setServerProblem(result.ok ? undefined : (message ?? `the server answered ${result.status}`));
    } catch {
      setServerProblem('the server could not be reached');
    }
  }

  return (
    <div className="progress-controls">
      {completedAt ? (
        <p role="status">
          <span className="badge done">Completed</span> You marked this lesson complete on{' '}
          {dateFormat.format(new Date(completedAt))}.
          {serverProblem ? ` It is saved in this browser, but not for your teacher: ${serverProblem}.` : null}
        </p>
      ) : (
        <button type="button" className="primary" onClick={complete}>
          Mark lesson complete
        </button>
      )}
    </div>
  );
}

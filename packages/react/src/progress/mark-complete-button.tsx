'use client';

import { useState } from 'react';
import { type ApiErrorBody, postJson } from '../api.js';
import { noteClassCompletion, useLearnerProgress } from './class-progress.js';
import { markLessonComplete } from './progress.js';
import { updateProgress } from './use-progress.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/**
 * Records completion in this browser and on the server (where a class member's teacher sees it). For a
 * class member the state shown is the server's, so it is the same on every device.
 */
export function MarkCompleteButton({ lessonId }: { lessonId: string }) {
  const [justNow, setJustNow] = useState<string>();
  const completedAt = useLearnerProgress().lesson(lessonId)?.completedAt ?? justNow;
  const [serverProblem, setServerProblem] = useState<string>();

  async function complete() {
    const now = new Date();
    updateProgress((progress) => markLessonComplete(progress, lessonId, now));
    setJustNow(now.toISOString());
    try {
      const result = await postJson('/api/completions', { lessonId });
      const message = (result.data as Partial<ApiErrorBody> | null)?.error?.message;
      const saved = (result.data as { completion?: { completedAt?: string } } | null)?.completion
        ?.completedAt;
      if (result.ok && saved) noteClassCompletion(lessonId, saved);
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

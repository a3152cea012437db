'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiForm } from '../../../../../../components/forms/use-api-form.js';
import styles from '../../../../teacher.module.css';
import { describeAttempt, type SavedGrade } from '../../marking/mark-form.js';
import own from '../../marking/marking.module.css';

interface OverrideFormProps {
  classId: string;
  attemptId: string;
  questionId: string;
  /** The question's label as the student page shows it, for the button's accessible name. */
  questionLabel: string;
  maxScore: number;
}

/**
 * Replaces the score of one question with a reason (required; kept in the audit trail). After saving,
 * the page refreshes so the attempt and the trail show the override, and focus moves to the status.
 */
export function OverrideForm({ classId, attemptId, questionId, questionLabel, maxScore }: OverrideFormProps) {
  const router = useRouter();
  const id = useId();
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<SavedGrade | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const { onSubmit, pending, error } = useApiForm<SavedGrade>({
    url: `/api/classes/${encodeURIComponent(classId)}/attempts/${encodeURIComponent(attemptId)}/overrides`,
    body: () => ({ questionId, score: Number(score), reason }),
    onStart: () => setSaved(null),
    onSuccess: (data) => {
      setSaved(data);
      setReason('');
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `The override was not saved (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);

  const shownError = formError ?? error;
  const invalidScore = formError?.startsWith('Give the new score');
  const invalidReason = formError?.startsWith('Say why');
  return (
    <details className={own.override}>
      <summary>Override the score of {questionLabel}</summary>
      <form
        className={own.markForm}
        noValidate
        onSubmit={(event) => {
          const value = Number(score);
          if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > maxScore) {
            event.preventDefault();
            setFormError(`Give the new score, 0 to ${maxScore} points.`);
            return;
          }
          if (reason.trim() === '') {
            event.preventDefault();
            setFormError('Say why the score is overridden; the reason is kept in the audit trail.');
            return;
          }
          setFormError(null);
          void onSubmit(event);
        }}
      >
        <div className={own.field}>
          <label htmlFor={`${id}-score`}>New score (0 to {maxScore} points)</label>
          <input
            id={`${id}-score`}
            type="number"
            inputMode="decimal"
            min={0}
            max={maxScore}
            step="any"
            required
            value={score}
            onChange={(event) => setScore(event.target.value)}
            aria-invalid={invalidScore ? true : undefined}
            aria-describedby={invalidScore ? `${id}-error` : undefined}
          />
        </div>
        <div className={own.field}>
          <label htmlFor={`${id}-reason`}>Reason (required, kept in the audit trail)</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={500}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={invalidReason ? true : undefined}
            aria-describedby={invalidReason || (shownError && !invalidScore) ? `${id}-error` : undefined}
          />
        </div>
        {shownError ? (
          <p id={`${id}-error`} role="alert" className={styles.error}>
            {shownError}
          </p>
        ) : null}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save override'}
          </button>
        </div>
        <div role="status" ref={status} tabIndex={-1} className={own.statusTarget}>
          {saved ? (
            <p className={styles.success}>
              Overridden: {saved.grade.score} of {maxScore} points. {describeAttempt(saved.attempt)}
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}

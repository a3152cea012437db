'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiForm } from '../../../../../../components/forms/use-api-form.js';
import styles from '../../../../teacher.module.css';
import own from '../../marking/marking.module.css';

interface Reopened {
  reopen: { draftAttemptNumber: number; extraAttempts: number };
  draft: { restored: string[]; notRestored?: string[] };
}

/**
 * Re-opens one submitted attempt: its answers become the student's draft of their next attempt (one
 * attempt granted when none is left). The reason is optional and kept in the audit.
 */
export function ReopenForm({
  classId,
  attemptId,
  attemptLabel,
}: {
  classId: string;
  attemptId: string;
  /** "Treaty years, attempt 1": for the summary's accessible name. */
  attemptLabel: string;
}) {
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<Reopened | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const { onSubmit, pending, error } = useApiForm<Reopened>({
    url: `/api/classes/${encodeURIComponent(classId)}/attempts/${encodeURIComponent(attemptId)}/reopen`,
    body: () => (reason.trim() ? { reason } : {}),
    onStart: () => setDone(null),
    onSuccess: (data) => {
      setDone(data);
      setReason('');
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `The attempt was not re-opened (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);

  return (
    <details className={own.override}>
      <summary>Re-open {attemptLabel}</summary>
      <form className={own.markForm} noValidate onSubmit={onSubmit}>
        <p className={styles.muted}>
          The student continues from these answers as their next attempt; this attempt stays as submitted.
        </p>
        <label htmlFor={`${id}-reason`}>Reason (optional)</label>
        <input
          id={`${id}-reason`}
          type="text"
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? 'Re-opening…' : 'Re-open attempt'}
          </button>
        </div>
        <div role="status" ref={status} tabIndex={-1}>
          {done ? (
            <p className={styles.success}>
              Re-opened as attempt {done.reopen.draftAttemptNumber} with {done.draft.restored.length}{' '}
              {done.draft.restored.length === 1 ? 'answer' : 'answers'} restored
              {done.reopen.extraAttempts > 0 ? ' (one attempt granted)' : ''}.
              {done.draft.notRestored && done.draft.notRestored.length > 0
                ? ` ${done.draft.notRestored.length} ${done.draft.notRestored.length === 1 ? 'answer was' : 'answers were'} to questions the next attempt does not draw.`
                : ''}
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}

'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiForm } from '../../../../../../components/forms/use-api-form.js';
import styles from '../../../../teacher.module.css';
import own from './quiz-settings.module.css';

interface Granted {
  granted: number;
  attemptsUsed: number;
  maxAttempts: number;
  remaining: number;
}

export interface GrantAttemptsFormProps {
  /** `POST /api/classes/:id/students/:studentId/quizzes/:quizId/attempts`. */
  url: string;
  studentName: string;
  /** The student has used every attempt: re-opening gives one back. */
  noneLeft: boolean;
}

function describe(name: string, data: Granted): string {
  const left = `${data.remaining} ${data.remaining === 1 ? 'attempt' : 'attempts'} left`;
  return data.granted === 0
    ? `Nothing changed: ${name} has ${left}.`
    : `Granted ${data.granted} more ${data.granted === 1 ? 'attempt' : 'attempts'}: ${name} has ${left} (${data.attemptsUsed} of ${data.maxAttempts} used).`;
}

/** Extra attempts for one student, or a re-opened attempt when none is left. */
export function GrantAttemptsForm({ url, studentName, noneLeft }: GrantAttemptsFormProps) {
  const router = useRouter();
  const id = useId();
  const [count, setCount] = useState('1');
  // Which button submitted: a ref, as the click's state update may not render before the submit event.
  const reopen = useRef(false);
  const [done, setDone] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const { onSubmit, pending, error } = useApiForm<Granted>({
    url,
    body: () => (reopen.current ? { reopen: true } : { extraAttempts: Number(count) }),
    onStart: () => setDone(null),
    onSuccess: (data) => {
      setDone(describe(studentName, data));
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `No attempt was granted (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached; nothing was granted. Check the connection and try again.',
  });

  useEffect(() => {
    if (done || error) messageRef.current?.focus();
  }, [done, error]);

  return (
    <form className={styles.row} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-count`}>Extra attempts for {studentName}</label>
      <input
        id={`${id}-count`}
        className={own.count}
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        step={1}
        value={count}
        onChange={(event) => setCount(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button
        type="submit"
        disabled={pending}
        onClick={() => {
          reopen.current = false;
        }}
      >
        Grant
      </button>
      {noneLeft ? (
        <button
          type="submit"
          disabled={pending}
          onClick={() => {
            reopen.current = true;
          }}
        >
          Re-open one attempt
        </button>
      ) : null}
      <div ref={messageRef} tabIndex={-1} className={own.message} role="status">
        {error ? (
          <p id={`${id}-error`} className={styles.error}>
            {error}
          </p>
        ) : done ? (
          <p className={styles.success}>{done}</p>
        ) : null}
      </div>
    </form>
  );
}

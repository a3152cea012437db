'use client';

import { errorMessage } from '@coursekit/react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useApiForm } from '../../components/forms/use-api-form.js';
import styles from '../teacher/teacher.module.css';

interface Resumed {
  student: { id: string; displayName: string };
  class: { id: string; name: string };
}

/** Continue as an existing student on this device with a personal resume code. */
export function ResumeForm() {
  const id = useId();
  const [resumeCode, setResumeCode] = useState('');
  const [resumed, setResumed] = useState<Resumed | null>(null);
  const { onSubmit, pending, error } = useApiForm<Resumed>({
    url: '/api/classes/resume',
    body: () => ({ resumeCode }),
    onStart: () => setResumed(null),
    onSuccess: setResumed,
    describeError: (result) => errorMessage(result, `That did not work (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check your connection and try again.',
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-resume`}>Resume code</label>
      <input
        id={`${id}-resume`}
        type="text"
        name="resumeCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        placeholder="XXXX-XXXX-XXXX"
        required
        value={resumeCode}
        onChange={(event) => setResumeCode(event.target.value)}
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
          {pending ? 'Checking…' : 'Continue'}
        </button>
      </div>
      <div role="status">
        {resumed ? (
          <p className={styles.success}>
            Welcome back, {resumed.student.displayName} ({resumed.class.name}).{' '}
            <Link href="/">Go to the lessons</Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useApiForm } from '../../components/forms/use-api-form.js';
import styles from './teacher.module.css';

/** Teacher passcode form; on success the page reloads its server data and shows the dashboard. */
export function TeacherLoginForm() {
  const router = useRouter();
  const id = useId();
  const [passcode, setPasscode] = useState('');
  const { onSubmit, pending, error } = useApiForm<{ ok: true }>({
    url: '/api/teacher/login',
    body: () => ({ passcode }),
    onSuccess: () => {
      setPasscode('');
      router.refresh();
    },
    describeError: (result) => errorMessage(result, `Login failed (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-passcode`}>Teacher passcode</label>
      <input
        id={`${id}-passcode`}
        type="password"
        name="passcode"
        autoComplete="current-password"
        required
        value={passcode}
        onChange={(event) => setPasscode(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className={styles.muted}>
        Set with TEACHER_PASSCODE, or printed once in the server log on first start.
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending || passcode.length === 0}>
          {pending ? 'Logging in…' : 'Log in'}
        </button>
      </div>
    </form>
  );
}

'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useApiForm } from '../../components/forms/use-api-form.js';
import styles from './teacher.module.css';

/** Login for an invited teacher: the name and password chosen when the invite was accepted. */
export function AccountLoginForm() {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { onSubmit, pending, error } = useApiForm<{ ok: true }>({
    url: '/api/teacher/login',
    body: () => ({ name, password }),
    onSuccess: () => {
      setPassword('');
      router.refresh();
    },
    describeError: (result) => errorMessage(result, `Login failed (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invited teacher</h2>
      <label htmlFor={`${id}-name`}>Your name</label>
      <input
        id={`${id}-name`}
        type="text"
        name="username"
        autoComplete="username"
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={pending || name.length === 0 || password.length === 0}>
          {pending ? 'Signing in…' : 'Sign in with name and password'}
        </button>
      </div>
    </form>
  );
}

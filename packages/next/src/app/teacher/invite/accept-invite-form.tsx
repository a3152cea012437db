'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useApiForm } from '../../../components/forms/use-api-form.js';
import styles from '../teacher.module.css';

const MIN_PASSWORD = 8;

/** Name and password for a new teacher account; the invite token comes from the link's fragment. */
export function AcceptInviteForm() {
  const router = useRouter();
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    // Another invite link opened in this tab changes only the fragment: read it again then.
    const read = () => {
      const raw = window.location.hash.replace(/^#/, '');
      try {
        setToken(decodeURIComponent(raw));
      } catch {
        setToken(''); // a mangled link: the page says to open it again
      }
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const { onSubmit, pending, error } = useApiForm<{ teacher: { name: string } }>({
    url: '/api/teachers/accept',
    body: () => ({ token, name, password }),
    onSuccess: () => {
      // The link is used up: take it out of the address bar and the history entry.
      window.history.replaceState(null, '', window.location.pathname);
      router.push('/teacher');
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `The account was not created (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  if (token === '') {
    return (
      <p role="alert" className={styles.error}>
        This page needs the whole invite link, including the part after #. Open the link you were sent again,
        or ask the owner for a new one.
      </p>
    );
  }
  const describedBy = (hint: string) => `${hint}${error ? ` ${id}-error` : ''}`;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-name`}>Your name</label>
      <input
        id={`${id}-name`}
        type="text"
        name="username"
        autoComplete="username"
        maxLength={60}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-name-hint`)}
      />
      <p id={`${id}-name-hint`} className={styles.muted}>
        As your colleagues and the audit trail will show it, such as “Mr Okafor”.
      </p>
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        name="new-password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-password-hint`)}
      />
      <p id={`${id}-password-hint`} className={styles.muted}>
        At least {MIN_PASSWORD} characters.
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          className="primary"
          disabled={pending || token === null || name.trim().length === 0 || password.length === 0}
        >
          {pending ? 'Creating your account…' : 'Create my teacher account'}
        </button>
      </div>
    </form>
  );
}

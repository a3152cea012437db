'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage, postJson } from '@/lib/client/api';
import styles from './teacher.module.css';

interface CreatedClass {
  id: string;
  name: string;
  joinCode: string;
}

/** Creates a class and announces its join code. */
export function CreateClassForm() {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedClass | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setCreated(null);
    try {
      const result = await postJson<CreatedClass>('/api/classes', { name });
      if (result.ok && result.data) {
        setCreated(result.data);
        setName('');
        router.refresh();
      } else {
        setError(errorMessage(result, `The class was not created (HTTP ${result.status}). Try again.`));
      }
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-name`}>Class name</label>
      <input
        id={`${id}-name`}
        type="text"
        name="name"
        maxLength={80}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create class'}
        </button>
      </div>
      <div role="status">
        {created ? (
          <p className={styles.success}>
            Created {created.name}. Students join at /join with the code{' '}
            <span className={styles.code}>{created.joinCode}</span>.
          </p>
        ) : null}
      </div>
    </form>
  );
}

'use client';

import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useApiForm } from '../../components/forms/use-api-form.js';
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
  const [created, setCreated] = useState<CreatedClass | null>(null);
  const { onSubmit, pending, error } = useApiForm<CreatedClass>({
    url: '/api/classes',
    body: () => ({ name }),
    onStart: () => setCreated(null),
    onSuccess: (data) => {
      setCreated(data);
      setName('');
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `The class was not created (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

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

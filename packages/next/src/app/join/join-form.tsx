'use client';

import { errorMessage, type JsonResponse } from '@coursekit/react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiForm } from '../../components/forms/use-api-form.js';
import styles from '../teacher/teacher.module.css';

interface Joined {
  student: { id: string; displayName: string };
  class: { id: string; name: string };
  resumeCode: string;
}

type Field = 'code' | 'displayName';

interface JoinError {
  message: string;
  /** The input the error is about, marked invalid and described by the message. */
  field: Field | null;
}

function describeJoinError(result: JsonResponse<Joined>): JoinError {
  const body = result.data as { error?: { code?: string; issues?: { path: string }[] } } | null;
  const path = body?.error?.issues?.[0]?.path;
  const field: Field | null =
    path === 'code' || body?.error?.code === 'unknown-join-code'
      ? 'code'
      : path === 'displayName' || body?.error?.code === 'display-name-taken'
        ? 'displayName'
        : null;
  return { message: errorMessage(result, `Joining failed (HTTP ${result.status}). Try again.`), field };
}

/** Join with a class code and a display name; shows the personal resume code once. */
export function JoinForm() {
  const id = useId();
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [joined, setJoined] = useState<Joined | null>(null);
  const { onSubmit, pending, error } = useApiForm<Joined, JoinError>({
    url: '/api/classes/join',
    body: () => ({ code, displayName }),
    onSuccess: setJoined,
    describeError: describeJoinError,
    unreachable: {
      message: 'The server could not be reached. Check your connection and try again.',
      field: null,
    },
  });
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (joined) confirmation.current?.focus();
  }, [joined]);

  if (joined) {
    return (
      <div ref={confirmation} tabIndex={-1} role="status" className={styles.success}>
        <p>
          Welcome, {joined.student.displayName}. You have joined <strong>{joined.class.name}</strong>.
        </p>
        <p>
          Your resume code is <span className={styles.code}>{joined.resumeCode}</span>. Write it down: it is
          shown only now, and you need it to continue on another device.
        </p>
        <p>
          <Link href="/">Go to the lessons</Link>
        </p>
      </div>
    );
  }

  const errorId = `${id}-error`;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-code`}>Join code</label>
      <input
        id={`${id}-code`}
        type="text"
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        aria-invalid={error?.field === 'code' ? true : undefined}
        aria-describedby={error?.field === 'code' ? errorId : undefined}
      />
      <label htmlFor={`${id}-name`}>Your name (as your teacher will see it)</label>
      <input
        id={`${id}-name`}
        type="text"
        name="displayName"
        autoComplete="nickname"
        maxLength={40}
        required
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        aria-invalid={error?.field === 'displayName' ? true : undefined}
        aria-describedby={error?.field === 'displayName' ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} role="alert" className={styles.error}>
          {error.message}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Joining…' : 'Join class'}
        </button>
      </div>
    </form>
  );
}

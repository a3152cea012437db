'use client';

import { errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from '../teacher.module.css';

/** Revokes one invited teacher after a confirmation; their sessions end at once. */
export function RevokeTeacherButton({ teacherId, name }: { teacherId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function revoke() {
    if (!window.confirm(`Revoke ${name}? They are logged out everywhere and cannot log in again.`)) return;
    setPending(true);
    setError(null);
    try {
      const result = await postJson(`/api/teachers/${encodeURIComponent(teacherId)}/revoke`, {});
      if (result.ok) router.refresh();
      else setError(errorMessage(result, `${name} was not revoked (HTTP ${result.status}). Try again.`));
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" onClick={revoke} disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

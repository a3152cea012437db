'use client';

import { errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './teacher.module.css';

export function LogoutButton() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function logOut() {
    setError(null);
    try {
      const result = await postJson('/api/teacher/logout', {});
      if (result.ok) router.push('/teacher');
      else setError(errorMessage(result, 'Logging out failed. Try again.'));
      router.refresh();
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    }
  }

  return (
    <div>
      <button type="button" onClick={logOut}>
        Log out
      </button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

'use client';

import { errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from '../teacher.module.css';

/**
 * One button that POSTs to a teacher route (after a confirmation, when `confirm` is given) and refreshes the
 * page when the server agrees; a refusal or an unreachable server is shown beside it.
 */
export function ActionButton({
  path,
  label,
  pendingLabel,
  accessibleName,
  confirm,
  failure,
}: {
  path: string;
  label: string;
  pendingLabel: string;
  /** What the button does to whom, for screen readers ("Revoke Ada Lovelace"). */
  accessibleName: string;
  confirm?: string;
  /** The message when the server refuses without saying why. */
  failure: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function act() {
    if (confirm !== undefined && !window.confirm(confirm)) return;
    setPending(true);
    setError(null);
    try {
      const result = await postJson(path, {});
      if (result.ok) router.refresh();
      else setError(errorMessage(result, `${failure} (HTTP ${result.status}). Try again.`));
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" onClick={act} disabled={pending} aria-label={accessibleName}>
        {pending ? pendingLabel : label}
      </button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

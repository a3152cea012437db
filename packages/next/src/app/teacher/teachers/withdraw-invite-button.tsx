'use client';

import { errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from '../teacher.module.css';

/** Withdraws one unused invite: its link stops working. */
export function WithdrawInviteButton({ inviteId, label }: { inviteId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function withdraw() {
    setPending(true);
    setError(null);
    try {
      const result = await postJson(`/api/teachers/invites/${encodeURIComponent(inviteId)}/withdraw`, {});
      if (result.ok) router.refresh();
      else setError(errorMessage(result, `The invite was not withdrawn (HTTP ${result.status}). Try again.`));
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" onClick={withdraw} disabled={pending} aria-label={`Withdraw ${label}`}>
        {pending ? 'Withdrawing…' : 'Withdraw'}
      </button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

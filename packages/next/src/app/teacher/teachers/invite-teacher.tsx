'use client';

import { errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import styles from '../teacher.module.css';

interface CreatedInvite {
  invite: { id: string; expiresAt: string };
  token: string;
}

/** "Invite a teacher": makes a one-time link and shows it once, ready to copy. */
export function InviteTeacher() {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  async function invite() {
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      const result = await postJson<CreatedInvite>('/api/teachers/invites', {});
      if (result.ok && result.data) {
        const url = `${window.location.origin}/teacher/invite#${result.data.token}`;
        setLink({ url, expiresAt: result.data.invite.expiresAt.slice(0, 10) });
        router.refresh();
      } else {
        setError(errorMessage(result, `No invite was made (HTTP ${result.status}). Try again.`));
      }
    } catch {
      setError('The server could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      input.current?.select();
    }
  }

  return (
    <div className={styles.form}>
      <div>
        <button type="button" className="primary" onClick={invite} disabled={pending}>
          {pending ? 'Making a link…' : 'Invite'}
        </button>
      </div>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      {link ? (
        <>
          <label htmlFor={`${id}-link`}>Invite link (shown only now)</label>
          <div className={styles.row}>
            <input
              ref={input}
              id={`${id}-link`}
              type="text"
              readOnly
              value={link.url}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby={`${id}-expires`}
            />
            <button type="button" onClick={copy}>
              Copy link
            </button>
          </div>
          <p id={`${id}-expires`} className={styles.muted}>
            Works once, until {link.expiresAt}.
          </p>
        </>
      ) : null}
      <p role="status" className={styles.muted}>
        {copied ? 'Link copied.' : ''}
      </p>
    </div>
  );
}

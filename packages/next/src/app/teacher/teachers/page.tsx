import type { Metadata } from 'next';
import Link from 'next/link';
import { teacherForPage } from '../../../lib/server/pages.js';
import styles from '../teacher.module.css';
import { ActionButton } from './action-button.js';
import { InviteTeacher } from './invite-teacher.js';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Teachers', robots: { index: false } };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The owner's list of teacher accounts and invites, with "Invite a teacher". */
export default async function TeachersPage() {
  const teacher = await teacherForPage();
  if (!teacher) {
    return (
      <main id="main" className={`${styles.page} ${styles.narrow}`}>
        <h1>Teachers</h1>
        <p>
          <Link href="/teacher">Log in</Link> as the owner to manage teachers.
        </p>
      </main>
    );
  }
  if ((teacher.session.teacherId ?? 'owner') !== 'owner') {
    return (
      <main id="main" className={`${styles.page} ${styles.narrow}`}>
        <h1>Teachers</h1>
        <p>Only the owner (who logs in with the teacher passcode) can invite or revoke teachers.</p>
        <p>
          <Link href="/teacher">Back to your classes</Link>
        </p>
      </main>
    );
  }
  const store = await teacher.classroom.ready();
  const [teachers, invites] = await Promise.all([store.teachers.list(), store.teachers.listInvites()]);
  const names = new Map(teachers.map((t) => [t.id, t.name]));
  const now = Date.now();
  const pending = invites.filter((i) => i.usedAt === null && i.revokedAt === null && i.expiresAt > now);
  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href="/teacher">← Your classes</Link>
      </p>
      <h1>Teachers</h1>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className={styles.tableWrap} tabIndex={0} aria-label="Teacher accounts">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {teachers.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  {t.role === 'owner'
                    ? 'Owner (passcode)'
                    : `Invited by ${names.get(t.invitedBy ?? '') ?? '—'}`}
                </td>
                <td>{day(t.createdAt)}</td>
                <td>
                  {t.revokedAt !== null ? (
                    `Revoked ${day(t.revokedAt)}`
                  ) : t.role === 'owner' ? (
                    'Active'
                  ) : (
                    <ActionButton
                      path={`/api/teachers/${encodeURIComponent(t.id)}/revoke`}
                      label="Revoke"
                      pendingLabel="Revoking…"
                      accessibleName={`Revoke ${t.name}`}
                      confirm={`Revoke ${t.name}? They are logged out everywhere and cannot log in again.`}
                      failure={`${t.name} was not revoked`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>Invite a teacher</h2>
      <p>
        An invite link works once and expires after 7 days. Send it to one colleague; they choose their name
        and password.
      </p>
      <InviteTeacher />
      {pending.length > 0 ? (
        <>
          <h2 id="open-invites">Open invites</h2>
          <ul aria-labelledby="open-invites">
            {pending.map((invite, index) => {
              const label = `open invite ${index + 1}, made ${new Date(invite.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
              return (
                <li key={invite.id} className={styles.row}>
                  Made {day(invite.createdAt)} by {names.get(invite.createdBy) ?? invite.createdBy}, works
                  until {day(invite.expiresAt)}
                  <ActionButton
                    path={`/api/teachers/invites/${encodeURIComponent(invite.id)}/withdraw`}
                    label="Withdraw"
                    pendingLabel="Withdrawing…"
                    accessibleName={`Withdraw ${label}`}
                    failure="The invite was not withdrawn"
                  />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </main>
  );
}

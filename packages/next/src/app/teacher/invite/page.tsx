import type { Metadata } from 'next';
import styles from '../teacher.module.css';
import { AcceptInviteForm } from './accept-invite-form.js';

export const metadata: Metadata = { title: 'Accept a teacher invite', robots: { index: false } };

/** Where an invite link leads (`/teacher/invite#<token>`): the token stays in the fragment, off the server. */
export default function AcceptInvitePage() {
  return (
    <main id="main" className={`${styles.page} ${styles.narrow}`}>
      <h1>Join as a teacher</h1>
      <p>
        You were invited to teach with this course. Choose the name your colleagues will see and a password;
        you will log in with both.
      </p>
      <AcceptInviteForm />
    </main>
  );
}

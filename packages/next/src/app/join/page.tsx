import type { Metadata } from 'next';
import styles from '../teacher/teacher.module.css';
import { JoinForm } from './join-form.js';
import { ResumeForm } from './resume-form.js';

export const metadata: Metadata = { title: 'Join a class' };

export default function JoinPage() {
  return (
    <main id="main" className={`${styles.page} ${styles.narrow}`}>
      <h1>Join a class</h1>
      <p>
        Enter the join code your teacher gave you and the name your teacher will see. Your answers are then
        kept on the server, and your teacher can follow your progress.
      </p>
      <JoinForm />
      <h2>Continue on another device</h2>
      <p>Already joined? Enter the resume code you were given when you joined.</p>
      <ResumeForm />
    </main>
  );
}

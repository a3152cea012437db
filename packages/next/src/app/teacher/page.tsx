import type { Metadata } from 'next';
import Link from 'next/link';
import { teacherForPage } from '../../lib/server/pages.js';
import { AccountLoginForm } from './account-login-form.js';
import { CreateClassForm } from './create-class-form.js';
import { TeacherLoginForm } from './login-form.js';
import { LogoutButton } from './logout-button.js';
import styles from './teacher.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Teacher', robots: { index: false } };

export default async function TeacherPage() {
  const teacher = await teacherForPage();
  if (!teacher) {
    return (
      <main id="main" className={`${styles.page} ${styles.narrow}`}>
        <h1>Teacher login</h1>
        <p>Log in to create classes, follow your students’ progress and download the gradebook.</p>
        <TeacherLoginForm />
        <AccountLoginForm />
      </main>
    );
  }
  const classes = await (await teacher.classroom.ready()).classes.list();
  return (
    <main id="main" className={styles.page}>
      <div className={styles.toolbar}>
        <h1>Your classes</h1>
        {(teacher.session.teacherId ?? 'owner') === 'owner' ? (
          <Link href="/teacher/teachers">Teachers</Link>
        ) : null}
        <LogoutButton />
      </div>
      {classes.length === 0 ? (
        <p>No classes yet. Create one below; students join it at /join with its code.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className={styles.tableWrap} tabIndex={0} aria-label="Your classes">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Join code</th>
                <th scope="col" className={styles.number}>
                  Students
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/teacher/classes/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                  </th>
                  <td className={styles.code}>{c.joinCode}</td>
                  <td className={styles.number}>{c.studentCount}</td>
                  <td>{new Date(c.createdAt).toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2>Create a class</h2>
      <CreateClassForm />
    </main>
  );
}

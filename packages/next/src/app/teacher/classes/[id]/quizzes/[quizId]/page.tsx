import { isApiError, isCourseFolderError, loadCourseOutline, resolveReview } from '@coursekit/classroom';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { teacherForPage } from '../../../../../../lib/server/pages.js';
import { LogoutButton } from '../../../../logout-button.js';
import styles from '../../../../teacher.module.css';
import { GrantAttemptsForm } from './grant-attempts-form.js';
import own from './quiz-settings.module.css';
import { QuizSettingsForm } from './quiz-settings-form.js';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Quiz settings', robots: { index: false } };

export default async function QuizSettingsPage({
  params,
}: {
  params: Promise<{ id: string; quizId: string }>;
}) {
  const { id, quizId } = await params;
  const teacher = await teacherForPage();
  if (!teacher) redirect('/teacher');
  const dashboard = await teacher.classroom.dashboard(id).catch((error: unknown) => {
    if (isApiError(error) && error.status === 404) notFound();
    // The class page explains a broken course folder; this page has nothing to show without the quiz.
    if (isCourseFolderError(error)) redirect(`/teacher/classes/${encodeURIComponent(id)}`);
    throw error;
  });
  // The dashboard has loaded the course already: its outline is there (and cached) by now.
  const outline = await loadCourseOutline(teacher.classroom.courseDir);
  const quiz = outline.quizzes.get(quizId);
  const lesson = dashboard.lessons.find((candidate) => candidate.quizId === quizId);
  if (!quiz || !lesson) notFound();

  const store = await teacher.classroom.ready();
  const [settings, allowances] = await Promise.all([
    store.quizSettings.get(dashboard.class.id, quiz.id),
    store.quizSettings.listAllowances(dashboard.class.id),
  ]);
  // One function decides, as the settings route does: a field the teacher left unset keeps the course's.
  const courseReview = resolveReview(outline.grading.review, null);
  const review = resolveReview(outline.grading.review, settings?.review);
  const extraOf = new Map(
    allowances.filter((a) => a.quizId === quiz.id).map((a) => [a.studentId, a.extraAttempts]),
  );
  const classPath = `/teacher/classes/${encodeURIComponent(dashboard.class.id)}`;
  const apiPath = `/api/classes/${encodeURIComponent(dashboard.class.id)}`;

  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href={`${classPath}`}>← {dashboard.class.name}</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>{quiz.title}: settings</h1>
        <LogoutButton />
      </div>
      <p className={styles.muted}>
        For the class {dashboard.class.name} only; lesson “{lesson.title}”.{' '}
        {quiz.maxAttempts === undefined
          ? 'The quiz file allows unlimited attempts.'
          : `The quiz file allows ${quiz.maxAttempts} ${quiz.maxAttempts === 1 ? 'attempt' : 'attempts'}.`}
      </p>

      <h2 id="dates">Dates and review</h2>
      <QuizSettingsForm
        url={`${apiPath}/quizzes/${encodeURIComponent(quiz.id)}/settings`}
        opensAt={settings?.opensAt ? new Date(settings.opensAt).toISOString() : null}
        dueAt={settings?.dueAt ? new Date(settings.dueAt).toISOString() : null}
        latePolicy={settings?.latePolicy ?? 'refuse'}
        review={review}
        courseReview={courseReview}
      />

      <h2 id="students">Attempts by student</h2>
      {dashboard.students.length === 0 ? (
        <p>No student has joined yet.</p>
      ) : (
        <ul className={own.studentList}>
          {dashboard.students.map((student) => {
            const used = student.lessons[lesson.id]?.attempts ?? 0;
            const extra = extraOf.get(student.id) ?? 0;
            const allowed = quiz.maxAttempts === undefined ? null : quiz.maxAttempts + extra;
            return (
              <li key={student.id} className={own.studentCard}>
                <h3>{student.displayName}</h3>
                <p>
                  {allowed === null
                    ? `${used} ${used === 1 ? 'attempt' : 'attempts'} used (unlimited).`
                    : `${used} of ${allowed} ${allowed === 1 ? 'attempt' : 'attempts'} used, ${Math.max(0, allowed - used)} left${extra > 0 ? ` (${extra} extra granted)` : ''}.`}
                </p>
                {allowed === null ? null : (
                  <GrantAttemptsForm
                    url={`${apiPath}/students/${encodeURIComponent(student.id)}/quizzes/${encodeURIComponent(quiz.id)}/attempts`}
                    studentName={student.displayName}
                    noneLeft={used >= allowed}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

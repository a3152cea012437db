import {
  type GradeView,
  isCourseFolderError,
  loadCourseOutline,
  type StudentDetail,
  type StudentDetailAttempt,
} from '@coursekit/classroom';
import { describeResponse, type Question } from '@coursekit/quiz-engine';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import ReactMarkdown from 'react-markdown';
import { getClassroom } from '../../../../../../lib/server/classroom.js';
import { LogoutButton } from '../../../../logout-button.js';
import styles from '../../../../teacher.module.css';
import { formatTime } from '../../marking/format.js';
import own from '../../marking/marking.module.css';
import { teacherApiGet } from '../../marking/teacher-api.js';
import { OverrideForm } from './override-form.js';
import { ReopenForm } from './reopen-form.js';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Student', robots: { index: false } };

const STATUS: Record<string, string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Incorrect',
  unanswered: 'Not answered',
  invalid: 'Not a valid answer',
  'needs-review': 'Awaiting marking',
};

/** One student of a class: every attempt with responses, scores and feedback, overrides, the audit trail. */
export default async function StudentPage({
  params,
}: {
  params: Promise<{ id: string; studentId: string }>;
}) {
  const { id, studentId } = await params;
  const read = await teacherApiGet<StudentDetail>(
    `/classes/${encodeURIComponent(id)}/students/${encodeURIComponent(studentId)}`,
  );
  if (read.status === 401) redirect('/teacher');
  if (read.status === 404) notFound();
  if (!read.data) throw new Error(read.message ?? `The student could not be read (HTTP ${read.status}).`);
  const record = read.data;
  const outline = await loadCourseOutline(getClassroom().courseDir).catch((error: unknown) => {
    if (isCourseFolderError(error)) return undefined;
    throw error;
  });
  const questions = new Map<string, Question>();
  for (const quiz of outline?.quizzes.values() ?? []) {
    for (const entry of quiz.questions) {
      for (const question of entry.type === 'pool' ? entry.questions : [entry])
        questions.set(`${quiz.id}/${question.id}`, question);
    }
  }
  const prompts = (attempt: StudentDetailAttempt, questionId: string) =>
    questions.get(`${attempt.quizId}/${questionId}`)?.prompt ?? questionId;
  const quizTitles = new Map(record.attempts.map((a) => [a.id, a]));
  const classHref = `/teacher/classes/${encodeURIComponent(id)}`;

  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href={classHref}>← {record.class.name}</Link> ·{' '}
        <Link href={`${classHref}/marking?student=${encodeURIComponent(studentId)}`}>Marking</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>{record.student.displayName}</h1>
        <LogoutButton />
      </div>
      <p className={styles.muted}>
        Joined <time dateTime={record.student.joinedAt}>{formatTime(record.student.joinedAt)}</time> ·{' '}
        {record.completions.length} {record.completions.length === 1 ? 'lesson' : 'lessons'} completed ·{' '}
        {record.attempts.length} {record.attempts.length === 1 ? 'attempt' : 'attempts'}
      </p>

      <h2 id="attempts">Attempts</h2>
      {record.attempts.length === 0 ? <p>No attempt submitted yet.</p> : null}
      {record.attempts.map((attempt) => {
        const headingId = `attempt-${attempt.id}`;
        const latest = new Map<string, GradeView>();
        for (const grade of attempt.grades) latest.set(grade.questionId, grade);
        return (
          <section key={attempt.id} className={own.item} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {attempt.quizTitle ?? attempt.quizId}, attempt {attempt.number}
            </h3>
            <p>
              <strong>
                {attempt.score} of {attempt.maxScore} points ({attempt.percentage}%)
              </strong>
              {' · '}
              {attempt.pendingMarks > 0 ? (
                <span className={own.pendingBadge}>
                  Awaiting marking ({attempt.pendingMarks} {attempt.pendingMarks === 1 ? 'essay' : 'essays'})
                </span>
              ) : attempt.passed === null ? (
                'no pass mark'
              ) : attempt.passed ? (
                <span className={styles.done}>Passed</span>
              ) : (
                'Not passed'
              )}
              {attempt.late ? ' · submitted late' : ''}
              {attempt.reopenedAt ? ' · re-opened' : ''}{' '}
              <span className={styles.muted}>
                · <time dateTime={attempt.submittedAt}>{formatTime(attempt.submittedAt)}</time>
              </span>
            </p>
            {attempt.result ? (
              <ol className={own.responses}>
                {attempt.result.questions.map((question, index) => {
                  const authored = questions.get(`${attempt.quizId}/${question.id}`);
                  const grade = latest.get(question.id);
                  const shown =
                    question.status === 'unanswered'
                      ? null
                      : typeof question.response === 'string' && question.type === 'essay'
                        ? question.response
                        : authored
                          ? describeResponse(authored, question.response)
                          : null;
                  return (
                    <li key={question.id}>
                      <div className={styles.prompt}>
                        <ReactMarkdown>{prompts(attempt, question.id)}</ReactMarkdown>
                      </div>
                      <p>
                        <strong>
                          {question.score} of {question.maxScore}
                        </strong>{' '}
                        —{' '}
                        {grade?.kind === 'override'
                          ? 'Overridden'
                          : (STATUS[question.status] ?? question.status)}
                        {grade?.kind === 'mark' ? ' (marked)' : ''}
                      </p>
                      {shown === null ? (
                        <p className={styles.muted}>No response.</p>
                      ) : question.type === 'essay' ? (
                        <blockquote className={own.essayText}>{shown}</blockquote>
                      ) : (
                        <p>
                          Response: <q>{shown}</q>
                        </p>
                      )}
                      {grade?.feedback ? (
                        <p>
                          Teacher’s feedback: <q>{grade.feedback}</q>
                        </p>
                      ) : null}
                      <OverrideForm
                        classId={id}
                        attemptId={attempt.id}
                        questionId={question.id}
                        questionLabel={`question ${index + 1}`}
                        maxScore={question.maxScore}
                      />
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className={styles.muted}>This attempt can no longer be rebuilt against the current quiz.</p>
            )}
            <ReopenForm
              classId={id}
              attemptId={attempt.id}
              attemptLabel={`${attempt.quizTitle ?? attempt.quizId}, attempt ${attempt.number}`}
            />
          </section>
        );
      })}

      <h2 id="audit">Audit trail</h2>
      {record.auditTrail.length === 0 ? (
        <p>No mark or override yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className={styles.tableWrap} tabIndex={0} aria-labelledby="audit">
          <table className={styles.table}>
            <caption>Every mark and override, oldest first; the latest per question counts</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Attempt and question</th>
                <th scope="col">Kind</th>
                <th scope="col" className={styles.number}>
                  Score
                </th>
                <th scope="col">Reason</th>
                <th scope="col">Feedback</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {record.auditTrail.map((grade) => {
                const attempt = quizTitles.get(grade.attemptId);
                return (
                  <tr key={grade.id}>
                    <td>
                      <time dateTime={grade.at}>{formatTime(grade.at)}</time>
                    </td>
                    <td>
                      {attempt ? `${attempt.quizTitle ?? attempt.quizId}, attempt ${attempt.number}` : ''}:{' '}
                      {grade.questionId}
                    </td>
                    <td>{grade.kind === 'override' ? 'Override' : 'Mark'}</td>
                    <td className={styles.number}>{grade.score}</td>
                    <td>{grade.reason ?? '—'}</td>
                    <td>{grade.feedback ?? '—'}</td>
                    <td>{grade.teacherName ?? grade.teacher}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {record.reopens && record.reopens.length > 0 ? (
        <>
          <h2 id="reopened">Re-opened attempts</h2>
          <ul>
            {record.reopens.map((reopen) => {
              const attempt = quizTitles.get(reopen.attemptId);
              return (
                <li key={reopen.id}>
                  <time dateTime={reopen.at}>{formatTime(reopen.at)}</time>:{' '}
                  {attempt
                    ? `${attempt.quizTitle ?? attempt.quizId}, attempt ${attempt.number}`
                    : 'an attempt'}{' '}
                  continued as attempt {reopen.draftAttemptNumber}, by {reopen.teacherName ?? reopen.teacher}
                  {reopen.reason ? ` (${reopen.reason})` : ''}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </main>
  );
}

import type { EssayToMark, MarkingList } from '@coursekit/classroom';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import ReactMarkdown from 'react-markdown';
import { LogoutButton } from '../../../logout-button.js';
import styles from '../../../teacher.module.css';
import { formatTime } from './format.js';
import { MarkForm } from './mark-form.js';
import own from './marking.module.css';
import { teacherApiGet } from './teacher-api.js';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Marking', robots: { index: false } };

type Search = { question?: string; student?: string; status?: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The essays of a class to mark, pending first, filtered by question and student (a plain GET form). */
export default async function MarkingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const chosen: Search = {
    question: first(search.question),
    student: first(search.student),
    status: first(search.status),
  };
  const base = `/classes/${encodeURIComponent(id)}/marking`;
  const all = await teacherApiGet<MarkingList>(base);
  if (all.status === 401) redirect('/teacher');
  if (all.status === 404) notFound();
  if (!all.data) throw new Error(all.message ?? `The marking list could not be read (HTTP ${all.status}).`);
  const { byQuestion, byStudent } = all.data;

  const [quizId, questionId] = (chosen.question ?? '').split('/');
  const status = chosen.status === 'pending' || chosen.status === 'marked' ? chosen.status : 'all';
  const essays = all.data.essays
    .filter((essay) => !quizId || (essay.quizId === quizId && essay.questionId === questionId))
    .filter((essay) => !chosen.student || essay.student.id === chosen.student)
    .filter((essay) => status === 'all' || essay.status === status)
    // Pending first, then the oldest submission first: the order a marker works through them.
    .sort(
      (a, b) =>
        Number(a.status === 'marked') - Number(b.status === 'marked') ||
        a.submittedAt.localeCompare(b.submittedAt),
    );
  const pending = all.data.essays.filter((essay) => essay.status === 'pending').length;
  const classHref = `/teacher/classes/${encodeURIComponent(id)}`;

  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href={classHref}>← {all.data.class.name}</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>Marking</h1>
        <LogoutButton />
      </div>
      <p>
        {pending === 0
          ? 'Every submitted essay is marked.'
          : `${pending} ${pending === 1 ? 'essay is' : 'essays are'} awaiting marking.`}{' '}
        <span className={styles.muted}>
          {all.data.essays.length} submitted in all. Students see the mark and feedback once saved.
        </span>
      </p>

      <form method="get" className={own.filters} aria-label="Filter the essays">
        <div className={own.field}>
          <label htmlFor="filter-question">Question</label>
          <select id="filter-question" name="question" defaultValue={chosen.question ?? ''}>
            <option value="">All questions</option>
            {byQuestion.map((entry) => (
              <option
                key={`${entry.quizId}/${entry.questionId}`}
                value={`${entry.quizId}/${entry.questionId}`}
              >
                {plainPrompt(entry.prompt)} ({entry.pending} pending)
              </option>
            ))}
          </select>
        </div>
        <div className={own.field}>
          <label htmlFor="filter-student">Student</label>
          <select id="filter-student" name="student" defaultValue={chosen.student ?? ''}>
            <option value="">All students</option>
            {byStudent.map((entry) =>
              entry.studentId ? (
                <option key={entry.studentId} value={entry.studentId}>
                  {entry.displayName ?? entry.studentId} ({entry.pending} pending)
                </option>
              ) : null,
            )}
          </select>
        </div>
        <div className={own.field}>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={status}>
            <option value="all">Pending and marked</option>
            <option value="pending">Pending only</option>
            <option value="marked">Marked only</option>
          </select>
        </div>
        <div>
          <button type="submit">Show</button>
        </div>
      </form>

      <h2 id="essays">
        {essays.length} {essays.length === 1 ? 'essay' : 'essays'} shown
      </h2>
      {essays.length === 0 ? <p>No submitted essay matches these filters.</p> : null}
      {essays.map((essay) => (
        <EssayItem key={`${essay.attemptId}/${essay.questionId}`} classId={id} essay={essay} />
      ))}
    </main>
  );
}

/** A prompt's first words without Markdown, for a drop-down option. */
function plainPrompt(prompt: string): string {
  const text = prompt
    .replace(/[*_`>#[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

function EssayItem({ classId, essay }: { classId: string; essay: EssayToMark }) {
  const headingId = `essay-${essay.attemptId}-${essay.questionId}`;
  const name = essay.student.displayName ?? 'Unknown student';
  const limits =
    essay.minWords !== null || essay.maxWords !== null
      ? ` (limits: ${essay.minWords ?? 0}–${essay.maxWords ?? '∞'})`
      : '';
  return (
    <article className={own.item} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} — {essay.quizTitle}, attempt {essay.attemptNumber}
      </h3>
      <p>
        {essay.status === 'marked' && essay.mark ? (
          <span className={styles.done}>
            Marked: {essay.mark.score} of {essay.maxScore} points
          </span>
        ) : (
          <span className={own.pendingBadge}>Awaiting marking</span>
        )}{' '}
        <span className={styles.muted}>
          Submitted <time dateTime={essay.submittedAt}>{formatTime(essay.submittedAt)}</time>
        </span>
        {essay.student.id ? (
          <>
            {' · '}
            <Link
              href={`/teacher/classes/${encodeURIComponent(classId)}/students/${encodeURIComponent(essay.student.id)}`}
            >
              All of {name}’s attempts
            </Link>
          </>
        ) : null}
      </p>
      <div className={styles.prompt}>
        <ReactMarkdown>{essay.prompt}</ReactMarkdown>
      </div>
      <h4>The essay as typed</h4>
      <p className={styles.muted}>
        {essay.wordCount} {essay.wordCount === 1 ? 'word' : 'words'}
        {limits}
      </p>
      <blockquote className={own.essayText}>{essay.response}</blockquote>
      {essay.guidance ? (
        <details>
          <summary>Guidance for markers</summary>
          <ReactMarkdown>{essay.guidance}</ReactMarkdown>
        </details>
      ) : null}
      <h4>Mark{essay.rubric.length > 0 ? ' with the rubric' : ''}</h4>
      <MarkForm
        classId={classId}
        attemptId={essay.attemptId}
        questionId={essay.questionId}
        maxScore={essay.maxScore}
        rubric={essay.rubric}
        initial={
          essay.mark
            ? {
                score: essay.mark.score,
                feedback: essay.mark.feedback,
                levels: essay.rubric.map((_, index) => {
                  const chosen = essay.mark?.rubric?.find((selection) => selection.criterion === index);
                  return chosen ? (chosen.level ?? String(chosen.points)) : null;
                }),
              }
            : null
        }
      />
    </article>
  );
}

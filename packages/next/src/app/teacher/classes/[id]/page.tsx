import {
  type CourseFolderError,
  isApiError,
  isCourseFolderError,
  loadInstructorCode,
} from '@coursekit/classroom';
import type { RubricCriterion } from '@coursekit/quiz-engine';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import ReactMarkdown from 'react-markdown';
import { teacherForPage } from '../../../../lib/server/pages.js';
import { LogoutButton } from '../../logout-button.js';
import styles from '../../teacher.module.css';
import { InstructorBlocks } from './instructor-blocks.js';
import { MarkingLink } from './marking/marking-link.js';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Class dashboard', robots: { index: false } };

function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

export default async function ClassDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const teacher = await teacherForPage();
  if (!teacher) redirect('/teacher');
  const dashboard = await teacher.classroom.dashboard(id).catch((error: unknown) => {
    if (isApiError(error) && error.status === 404) notFound();
    if (isCourseFolderError(error)) return error;
    throw error;
  });
  if (isCourseFolderError(dashboard)) {
    return (
      <main id="main" className={styles.page}>
        <p>
          <Link href="/teacher">← All classes</Link>
        </p>
        <div className={styles.toolbar}>
          <h1>The course has problems</h1>
          <LogoutButton />
        </div>
        <p>
          The class dashboard needs the course, and its folder has errors. Fix them (each names its file, line
          and column), then reload this page:
        </p>
        <ul>
          {(dashboard as CourseFolderError).problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      </main>
    );
  }
  const { lessons, students } = dashboard;
  const instructorCode = await loadInstructorCode(teacher.classroom.courseDir).catch((error: unknown) => {
    console.error('[coursekit] the teacher variant of the lessons could not be compiled:', error);
    return new Map<string, string>();
  });

  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href="/teacher">← All classes</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>{dashboard.class.name}</h1>
        <LogoutButton />
      </div>
      <p>
        Join code: <span className={styles.code}>{dashboard.class.joinCode}</span> — students enter it at
        /join.
      </p>
      <p>
        <a href={`/api/classes/${encodeURIComponent(dashboard.class.id)}/gradebook.csv`} download>
          Download the gradebook (CSV)
        </a>{' '}
        <span className={styles.muted}>— one row per student, best percentage per quiz.</span>
      </p>
      <MarkingLink classId={dashboard.class.id} students={students} />

      <h2 id="quiz-settings">Quiz settings</h2>
      <ul>
        {lessons.map((lesson) =>
          lesson.quizId ? (
            <li key={lesson.quizId}>
              <Link
                href={`/teacher/classes/${encodeURIComponent(id)}/quizzes/${encodeURIComponent(lesson.quizId)}`}
              >
                Settings of {lesson.quizTitle ?? lesson.quizId}
              </Link>{' '}
              <span className={styles.muted}>— dates, late work, review options, extra attempts</span>
            </li>
          ) : null,
        )}
      </ul>

      <h2 id="progress">Progress</h2>
      {students.length === 0 ? (
        <p>No student has joined yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className={styles.tableWrap} tabIndex={0} aria-labelledby="progress">
          <table className={styles.table}>
            <caption>Each cell: lesson completed, best quiz score and number of attempts</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                {lessons.map((lesson) => (
                  <th scope="col" key={lesson.id}>
                    {lesson.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map((student) => (
                <tr key={student.id}>
                  <th scope="row">
                    <Link
                      href={`/teacher/classes/${encodeURIComponent(id)}/students/${encodeURIComponent(student.id)}`}
                    >
                      {student.displayName}
                    </Link>
                  </th>
                  {lessons.map((lesson) => {
                    const cell = student.lessons[lesson.id];
                    return (
                      <td key={lesson.id}>
                        {cell?.completed ? (
                          <span className={styles.done}>Completed</span>
                        ) : (
                          <span className={styles.muted}>Not completed</span>
                        )}
                        {lesson.quizId ? (
                          <>
                            <br />
                            Best {percent(cell?.bestPercentage ?? null)} · {cell?.attempts ?? 0}{' '}
                            {cell?.attempts === 1 ? 'attempt' : 'attempts'}
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2 id="items">Item analysis</h2>
      <p className={styles.muted}>
        Over every submitted attempt in this class. Essays are marked by hand and are not counted here.
      </p>
      {dashboard.itemAnalysis.map((quiz) => (
        <section key={quiz.quizId} aria-labelledby={`quiz-${quiz.quizId}`}>
          <h3 id={`quiz-${quiz.quizId}`}>{quiz.quizTitle}</h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className={styles.tableWrap} tabIndex={0} aria-labelledby={`quiz-${quiz.quizId}`}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col" className={styles.number}>
                    Answers
                  </th>
                  <th scope="col" className={styles.number}>
                    Correct
                  </th>
                  <th scope="col">Most chosen wrong answer</th>
                </tr>
              </thead>
              <tbody>
                {quiz.questions.map((question) => (
                  <tr key={question.questionId}>
                    <th scope="row" className={styles.prompt}>
                      <ReactMarkdown>{question.prompt}</ReactMarkdown>
                    </th>
                    <td className={styles.number}>{question.responses}</td>
                    <td className={styles.number}>{percent(question.correctShare)}</td>
                    <td>
                      {question.topWrongAnswer === null ? (
                        <span className={styles.muted}>—</span>
                      ) : (
                        <>
                          {question.topWrongAnswer}{' '}
                          <span className={styles.muted}>
                            ({question.topWrongCount} of {question.responses})
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ))}

      <h2 id="notes">Teacher notes</h2>
      {dashboard.teacherNotes.map((lesson) => {
        const empty =
          !lesson.instructorNotes &&
          lesson.instructorBlocks.length === 0 &&
          lesson.answerGuidance.length === 0;
        return (
          <section
            key={lesson.lessonId}
            className={styles.notes}
            aria-labelledby={`notes-${lesson.lessonId}`}
          >
            <h3 id={`notes-${lesson.lessonId}`}>{lesson.title}</h3>
            {empty ? <p className={styles.muted}>No teacher notes for this lesson.</p> : null}
            {lesson.instructorNotes ? <ReactMarkdown>{lesson.instructorNotes}</ReactMarkdown> : null}
            <InstructorBlocks code={instructorCode.get(lesson.lessonId)} fallback={lesson.instructorBlocks} />
            {lesson.answerGuidance.length > 0 ? (
              <>
                <h4>Answer guidance</h4>
                <dl>
                  {lesson.answerGuidance.map((item) => (
                    <div key={item.questionId}>
                      <dt>
                        <ReactMarkdown>{item.prompt}</ReactMarkdown>
                      </dt>
                      <dd>
                        {item.rubric.length > 0 ? <RubricTable rubric={item.rubric} /> : null}
                        <ReactMarkdown>{item.guidance}</ReactMarkdown>
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </section>
        );
      })}
    </main>
  );
}

/** The rubric as a marker uses it: one row per criterion, its levels with points and descriptors. */
function RubricTable({ rubric }: { rubric: RubricCriterion[] }) {
  return (
    <table>
      <caption>Rubric</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Levels</th>
        </tr>
      </thead>
      <tbody>
        {rubric.map((criterion) => (
          <tr key={criterion.criterion}>
            <th scope="row">
              {criterion.criterion} ({criterion.points} {criterion.points === 1 ? 'point' : 'points'})
            </th>
            <td>
              {criterion.levels ? (
                <ul>
                  {criterion.levels.map((level) => (
                    <li key={level.label}>
                      <strong>{level.label}</strong> ({level.points}): {level.descriptor}
                    </li>
                  ))}
                </ul>
              ) : (
                'No levels'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

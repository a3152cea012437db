'use client';

import { useState } from 'react';
import { formatPoints, QuestionFeedback, type ShownQuestionResult } from './question-feedback.js';
import { QuizText } from './quiz-text.js';

/** A question of a past attempt as `GET /api/me/quizzes/:quizId/attempts` gives it, after the review options. */
export type ReviewedQuestion = ShownQuestionResult & {
  awaitingMarking?: boolean;
  teacherGrade?: { kind: 'mark' | 'override'; score: number; feedback: string | null; gradedAt: string };
};

/** One submitted attempt as its learner may review it. */
export interface PastAttempt {
  id: string;
  number: number;
  submittedAt: string;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean | null;
  late: boolean;
  pendingMarks: number;
  result: { questions: ReviewedQuestion[] } | null;
}

type Loaded =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ok'; attempts: PastAttempt[] };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Reads this learner's past attempts at one quiz; each result is already cut down by the review options. */
export async function fetchPastAttempts(quizId: string): Promise<PastAttempt[]> {
  const response = await fetch(`/api/me/quizzes/${encodeURIComponent(quizId)}/attempts`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  const data = (await response.json().catch(() => null)) as {
    attempts?: PastAttempt[];
    error?: { message?: string };
  } | null;
  if (!response.ok || !data?.attempts) {
    throw new Error(data?.error?.message ?? `The server answered with an error (HTTP ${response.status}).`);
  }
  return data.attempts;
}

function outcome(attempt: PastAttempt): string {
  if (attempt.pendingMarks > 0) {
    return `awaiting your teacher’s marking (${attempt.pendingMarks} ${attempt.pendingMarks === 1 ? 'essay' : 'essays'})`;
  }
  return attempt.passed === true ? 'passed' : attempt.passed === false ? 'not passed' : 'no pass mark';
}

/**
 * "Review your past attempts": opened on demand, it shows each submitted attempt with exactly what the
 * teacher's review options allow now (the server leaves the rest out), the teacher's marks and feedback
 * included. `questions` are this attempt's (questions drawn from pools may be missing from it).
 */
export function PastAttempts({
  quizId,
  attemptsUsed,
  questions,
}: {
  quizId: string;
  attemptsUsed: number;
  questions: readonly { id: string; prompt?: string }[];
}) {
  const prompts = new Map(
    questions.flatMap((question) => (question.prompt ? [[question.id, question.prompt] as const] : [])),
  );
  const [loaded, setLoaded] = useState<Loaded>({ status: 'idle' });

  async function load() {
    setLoaded({ status: 'loading' });
    try {
      setLoaded({ status: 'ok', attempts: await fetchPastAttempts(quizId) });
    } catch (error) {
      setLoaded({
        status: 'error',
        message:
          error instanceof TypeError
            ? 'Your past attempts could not be loaded: the server could not be reached.'
            : `Your past attempts could not be loaded. ${(error as Error).message}`,
      });
    }
  }

  if (attemptsUsed === 0) return null;
  return (
    <details
      className="past-attempts"
      onToggle={(event) => {
        if (event.currentTarget.open && loaded.status === 'idle') void load();
      }}
    >
      <summary>Review your past {attemptsUsed === 1 ? 'attempt' : `${attemptsUsed} attempts`}</summary>
      {loaded.status === 'loading' || loaded.status === 'idle' ? (
        <p className="muted" role="status">
          Loading your attempts…
        </p>
      ) : loaded.status === 'error' ? (
        <div className="form-error" role="alert">
          <p>{loaded.message}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : (
        <PastAttemptList quizId={quizId} attempts={loaded.attempts} prompts={prompts} />
      )}
    </details>
  );
}

/** The reviewed attempts themselves: what the server sent, nothing added. */
export function PastAttemptList({
  quizId,
  attempts,
  prompts,
}: {
  quizId: string;
  attempts: readonly PastAttempt[];
  prompts: ReadonlyMap<string, string>;
}) {
  return (
    <>
      {attempts.map((attempt) => {
        const headingId = `${quizId}-past-${attempt.number}`;
        return (
          <section key={attempt.id} className="past-attempt" aria-labelledby={headingId}>
            <h4 id={headingId}>
              Attempt {attempt.number}: {formatPoints(attempt.score)} of {attempt.maxScore} (
              {attempt.percentage}%), {outcome(attempt)}
            </h4>
            <p className="muted">
              Submitted{' '}
              <time dateTime={attempt.submittedAt}>{dateFormat.format(new Date(attempt.submittedAt))}</time>
              {attempt.late ? ', late' : ''}.
            </p>
            {attempt.result ? (
              <ol>
                {attempt.result.questions.map((question, index) => {
                  const prompt = prompts.get(question.id);
                  return (
                    <li key={question.id}>
                      {prompt ? <QuizText text={prompt} /> : <p>Question {index + 1}</p>}
                      {typeof question.response === 'string' && question.response !== '' ? (
                        <p>
                          Your answer: <q>{question.response}</q>
                        </p>
                      ) : null}
                      <QuestionFeedback result={question} />
                      {question.teacherGrade?.feedback ? (
                        <p>
                          <span className="verdict">Your teacher’s feedback:</span>{' '}
                          {question.teacherGrade.feedback}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="muted">This attempt can no longer be shown: the quiz has changed since.</p>
            )}
          </section>
        );
      })}
    </>
  );
}

'use client';

import type { RubricCriterion } from '@coursekit/quiz-engine';
import { errorMessage } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiForm } from '../../../../../components/forms/use-api-form.js';
import styles from '../../../teacher.module.css';
import own from './marking.module.css';

/** The answer of `…/marks` and `…/overrides`: the grade kept and the attempt's recomputed totals. */
export interface SavedGrade {
  grade: { score: number; feedback: string | null };
  attempt: {
    score: number;
    maxScore: number;
    percentage: number;
    passed: boolean | null;
    pendingMarks: number;
  };
}

export function describeAttempt(attempt: SavedGrade['attempt']): string {
  const outcome =
    attempt.pendingMarks > 0
      ? `awaiting marking (${attempt.pendingMarks} ${attempt.pendingMarks === 1 ? 'essay' : 'essays'})`
      : attempt.passed === null
        ? 'no pass mark'
        : attempt.passed
          ? 'passed'
          : 'not passed';
  return `Attempt score now ${attempt.score} of ${attempt.maxScore} (${attempt.percentage}%), ${outcome}.`;
}

interface MarkFormProps {
  classId: string;
  attemptId: string;
  questionId: string;
  maxScore: number;
  rubric: RubricCriterion[];
  /** The latest mark, to start from when re-marking. */
  initial: { score: number; feedback: string | null; levels: (string | null)[] } | null;
}

/**
 * Marks one essay: a level per rubric criterion (or points for a criterion without levels, or for a
 * question without a rubric), and written feedback the student sees. After saving, focus moves to the
 * status message, which gives the recomputed attempt score.
 */
export function MarkForm({ classId, attemptId, questionId, maxScore, rubric, initial }: MarkFormProps) {
  const router = useRouter();
  const id = useId();
  const [levels, setLevels] = useState<string[]>(() =>
    // A level label (or points, for a criterion without levels) per criterion; '' until chosen.
    rubric.map((_, index) => initial?.levels[index] ?? ''),
  );
  const [score, setScore] = useState(initial && rubric.length === 0 ? String(initial.score) : '');
  const [feedback, setFeedback] = useState(initial?.feedback ?? '');
  const [saved, setSaved] = useState<SavedGrade | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const { onSubmit, pending, error } = useApiForm<SavedGrade>({
    url: `/api/classes/${encodeURIComponent(classId)}/attempts/${encodeURIComponent(attemptId)}/marks`,
    body: () =>
      rubric.length > 0
        ? {
            questionId,
            rubric: rubric.map((criterion, index) =>
              criterion.levels
                ? { criterion: index, level: levels[index] }
                : { criterion: index, points: Number(levels[index]) },
            ),
            feedback,
          }
        : { questionId, score: Number(score), feedback },
    onStart: () => setSaved(null),
    onSuccess: (data) => {
      setSaved(data);
      // The page's counts (pending per question and student) are read again from the server.
      router.refresh();
    },
    describeError: (result) =>
      errorMessage(result, `The mark was not saved (HTTP ${result.status}). Try again.`),
    unreachable: 'The server could not be reached. Check the connection and try again.',
  });

  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  // After the refresh this essay may have moved (pending ones come first): keep focus on its status when
  // the move dropped it, never taking it from where the marker went meanwhile.
  const marked = initial ? `${initial.score}/${initial.feedback}` : '';
  useEffect(() => {
    if (marked && saved && document.activeElement === document.body) status.current?.focus();
  }, [marked, saved]);

  const shownError = formError ?? error;
  return (
    <form
      className={own.markForm}
      noValidate
      onSubmit={(event) => {
        const missing =
          rubric.length > 0
            ? rubric.findIndex((_, index) => levels[index] === '')
            : score.trim() === ''
              ? 0
              : -1;
        if (missing >= 0) {
          event.preventDefault();
          setFormError(
            rubric.length > 0
              ? `Choose a level for “${rubric[missing]?.criterion}”.`
              : `Give the mark, 0 to ${maxScore} points.`,
          );
          return;
        }
        setFormError(null);
        void onSubmit(event);
      }}
    >
      {rubric.map((criterion, index) =>
        criterion.levels ? (
          <fieldset key={criterion.criterion} className={own.criterion}>
            <legend>
              {criterion.criterion}{' '}
              <span className={styles.muted}>
                ({criterion.points} {criterion.points === 1 ? 'point' : 'points'})
              </span>
            </legend>
            {criterion.levels.map((level) => (
              <label key={level.label} className={own.level}>
                <input
                  type="radio"
                  name={`${id}-criterion-${index}`}
                  value={level.label}
                  checked={levels[index] === level.label}
                  onChange={() => setLevels((now) => now.map((v, i) => (i === index ? level.label : v)))}
                />
                <span>
                  <strong>
                    {level.label} ({level.points})
                  </strong>
                  : {level.descriptor}
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div key={criterion.criterion} className={own.field}>
            <label htmlFor={`${id}-criterion-${index}`}>
              {criterion.criterion} (0 to {criterion.points} points)
            </label>
            <input
              id={`${id}-criterion-${index}`}
              type="number"
              inputMode="decimal"
              min={0}
              max={criterion.points}
              step="any"
              value={levels[index]}
              onChange={(event) => {
                const value = event.target.value;
                setLevels((now) => now.map((v, i) => (i === index ? value : v)));
              }}
            />
          </div>
        ),
      )}
      {rubric.length === 0 ? (
        <div className={own.field}>
          <label htmlFor={`${id}-score`}>Mark (0 to {maxScore} points)</label>
          <input
            id={`${id}-score`}
            type="number"
            inputMode="decimal"
            min={0}
            max={maxScore}
            step="any"
            value={score}
            onChange={(event) => setScore(event.target.value)}
          />
        </div>
      ) : null}
      <div className={own.field}>
        <label htmlFor={`${id}-feedback`}>Feedback for the student</label>
        <textarea
          id={`${id}-feedback`}
          rows={4}
          maxLength={5000}
          value={feedback}
          onChange={(event) => setFeedback(event.target.value)}
          aria-describedby={shownError ? `${id}-error` : undefined}
        />
      </div>
      {shownError ? (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {shownError}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : initial || saved ? 'Save new mark' : 'Save mark'}
        </button>
      </div>
      <div role="status" ref={status} tabIndex={-1} className={own.statusTarget}>
        {saved ? (
          <p className={styles.success}>
            Marked: {saved.grade.score} of {maxScore} points. {describeAttempt(saved.attempt)}
          </p>
        ) : null}
      </div>
    </form>
  );
}

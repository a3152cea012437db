'use client';

import type { Ref } from 'react';
import { formatPoints } from './points.js';
import type { ReviewShown, SubmittedAttempt } from './quiz-api.js';

// What the quiz shows once the server has graded something: a question's feedback and an attempt's summary.
// The quiz island loads this module when the learner first answers (or when an attempt it restores has
// results), not with the page: a learner who only reads the lesson never downloads it.
export { QuestionFeedback } from './question-feedback.js';

/** What the result below the summary shows, in the words of the review options the teacher chose. */
function reviewNote(review: ReviewShown | undefined): string {
  if (!review) return 'The feedback for each question is shown below it.';
  const shown = [
    review.correctness ? 'whether each answer is right' : '',
    review.feedback ? 'the feedback' : '',
    review.correctAnswer ? 'the correct answers' : '',
    review.explanation ? 'the explanations' : '',
  ].filter(Boolean);
  const held = [
    review.correctness ? '' : 'whether each answer is right',
    review.correctAnswer ? '' : 'the correct answers',
    review.explanation ? '' : 'the explanations',
  ].filter(Boolean);
  const first =
    shown.length > 0 ? `Shown below each question: ${shown.join(', ')}.` : 'Your answers are saved.';
  return held.length > 0 ? `${first} Not shown now: ${held.join(', ')}.` : first;
}

/** A submitted attempt's score, whether it passed, what the review options show, and whether to try again. */
export function QuizSummary({
  quizId,
  submitted,
  passMark,
  attemptsLeftAfter,
  canRetry,
  onRetry,
  headingRef,
}: {
  quizId: string;
  submitted: SubmittedAttempt;
  passMark: number;
  /** Attempts left after this one; null when the quiz allows any number. */
  attemptsLeftAfter: number | null;
  canRetry: boolean;
  onRetry: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { attempt } = submitted;
  return (
    <section
      className={`quiz-summary ${attempt.passed === true ? 'passed' : attempt.passed === false ? 'failed' : ''}`}
      aria-labelledby={`${quizId}-summary`}
    >
      <h3 id={`${quizId}-summary`} tabIndex={-1} ref={headingRef}>
        Your result: {formatPoints(attempt.score)} of {attempt.maxScore} ({attempt.percentage}%)
      </h3>
      <p>
        {attempt.passed === true
          ? `Passed: the pass mark is ${passMark}%.`
          : attempt.passed === false
            ? `Not passed yet: the pass mark is ${passMark}%.`
            : `Your essay answers await your teacher's review; the result may still change (pass mark ${passMark}%).`}{' '}
        {reviewNote(submitted.result.review)}
      </p>
      {canRetry ? (
        <>
          <p>
            {attemptsLeftAfter === null
              ? 'You can try this quiz again as often as you like.'
              : `You can try again ${attemptsLeftAfter} more ${attemptsLeftAfter === 1 ? 'time' : 'times'}; your best score counts.`}
          </p>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : (
        <p>You have used every attempt this quiz allows; your best score counts.</p>
      )}
    </section>
  );
}

'use client';

import type { QuestionResult } from '@coursekit/quiz-engine';
import { formatPoints } from './points.js';
import { QuizText } from './quiz-text.js';

export { formatPoints } from './points.js';

const VERDICTS: Record<QuestionResult['status'], string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Incorrect',
  unanswered: 'Not answered',
  invalid: 'Your answer could not be read',
  'needs-review': 'Saved for your teacher to review',
};

const TONES: Record<QuestionResult['status'], string> = {
  correct: 'correct',
  partial: 'partial',
  incorrect: 'incorrect',
  unanswered: 'incorrect',
  invalid: 'incorrect',
  'needs-review': 'pending',
};

/**
 * A question's result as the server shows it to a student: the review options a teacher chose may hold back
 * whether it was right and its score (`status`, `score`, `correct`) and the feedback, besides the correct
 * answer and the explanation.
 */
export type ShownQuestionResult = Omit<QuestionResult, 'status' | 'score' | 'correct' | 'feedback'> &
  Partial<Pick<QuestionResult, 'status' | 'score' | 'correct' | 'feedback'>>;

/**
 * What a graded (or checked) question tells the learner: the verdict and score, feedback on what they
 * answered, the correct answer and the explanation with its citation; hints and tries in interactive quizzes.
 */
export function QuestionFeedback({
  result,
  hints = [],
  triesLeft,
  finished = true,
}: {
  result: ShownQuestionResult;
  hints?: readonly string[];
  triesLeft?: number | undefined;
  finished?: boolean;
}) {
  const retrying = !finished && result.status !== 'correct';
  const status = result.status;
  return (
    <div className={`feedback ${status ? TONES[status] : 'pending'}`}>
      <p>
        {status === undefined ? (
          <span className="verdict">Answer recorded</span>
        ) : (
          <>
            <span className="verdict">{VERDICTS[status]}</span>
            {status === 'needs-review' || result.score === undefined
              ? ` (worth ${formatPoints(result.maxScore)}).`
              : ` — ${formatPoints(result.score)} of ${result.maxScore}.`}
          </>
        )}
        {retrying && triesLeft !== undefined
          ? ` ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left: change your answer and check again.`
          : ''}
      </p>
      {result.error ? <p>{result.error.message}</p> : null}
      {(result.feedback ?? []).map((item) => (
        <QuizText key={`${item.choiceId ?? ''}${item.text}`} text={item.text} />
      ))}
      {hints.length > 0 && retrying ? (
        <div>
          <p className="verdict">{hints.length === 1 ? 'Hint' : 'Hints'}</p>
          <ul>
            {hints.map((hint) => (
              <li key={hint}>
                <QuizText text={hint} inline />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {finished && result.correctAnswer && result.status !== 'correct' ? (
        <p>
          <span className="verdict">Correct answer:</span> {result.correctAnswer.text}
        </p>
      ) : null}
      {finished && result.explanation ? (
        <div>
          <p className="verdict">Explanation</p>
          <QuizText text={result.explanation} />
        </div>
      ) : null}
    </div>
  );
}

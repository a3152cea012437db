import type { QuestionResult } from '../grade.js';
import type { BehaviourName, Quiz } from '../quiz.js';

/** Where one question stands inside an attempt. Plain data: it is stored and replayed. */
export interface QuestionAttemptState {
  /** The latest response, as sent (checked only when graded). */
  response?: unknown;
  /** Checks used so far. */
  checks: number;
  /** Checks that did not earn full marks, each costing `quiz.penalty` (interactive). */
  failedTries: number;
  hintsRevealed: number;
  /** No more answers or checks: graded for good. */
  finished: boolean;
  /** Final score once finished. */
  score?: number;
}

export type AttemptErrorCode =
  | 'wrong-quiz'
  | 'unknown-question'
  | 'already-submitted'
  | 'question-finished'
  | 'check-not-available'
  | 'no-tries-left'
  | 'no-response'
  | 'invalid-response'
  | 'unserialisable-response'
  | 'no-attempts-left';

export interface AttemptError {
  code: AttemptErrorCode;
  message: string;
}

/**
 * How an attempt flows, Moodle-style, independent of question types: whether a question can be checked
 * before submission and what a check and the final submission score.
 */
export interface Behaviour {
  name: BehaviourName;
  /** Why `check` is refused now, or undefined when it is allowed. */
  refuseCheck(state: QuestionAttemptState, quiz: Quiz): AttemptError | undefined;
  /** The question's state after a check whose unpenalised result is `raw`. */
  afterCheck(
    state: QuestionAttemptState,
    raw: QuestionResult,
    quiz: Quiz,
    hintCount: number,
  ): QuestionAttemptState;
  /** The score that counts at submission, given the unpenalised result of the stored response. */
  finalScore(state: QuestionAttemptState, raw: QuestionResult, quiz: Quiz): number;
}

import { roundScore } from '../grade.js';
import type { Behaviour } from './behaviour.js';

/** Share of the raw score kept after `failedTries` failed tries. */
export function penaltyFactor(penalty: number, failedTries: number): number {
  return Math.max(0, 1 - penalty * failedTries);
}

/**
 * Several tries per question: a failed check costs `quiz.penalty` of the points and reveals the next
 * hint; full marks or the last try finish the question with raw × max(0, 1 − penalty × failedTries).
 */
export const interactiveBehaviour: Behaviour = {
  name: 'interactive',
  refuseCheck(state, quiz) {
    if (!state.finished) return undefined;
    if (state.checks >= quiz.tries) {
      return { code: 'no-tries-left', message: `all ${quiz.tries} tries at this question have been used` };
    }
    return { code: 'question-finished', message: 'this question is already answered correctly' };
  },
  afterCheck(state, raw, quiz, hintCount) {
    const checks = state.checks + 1;
    if (raw.status === 'correct' || checks >= quiz.tries) {
      return {
        ...state,
        checks,
        finished: true,
        score: roundScore(raw.score * penaltyFactor(quiz.penalty, state.failedTries)),
      };
    }
    const failedTries = state.failedTries + 1;
    return { ...state, checks, failedTries, hintsRevealed: Math.min(hintCount, failedTries) };
  },
  finalScore(state, raw, quiz) {
    if (state.finished && state.score !== undefined) return state.score;
    return roundScore(raw.score * penaltyFactor(quiz.penalty, state.failedTries));
  },
};

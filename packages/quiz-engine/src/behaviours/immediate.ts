import type { Behaviour } from './behaviour.js';

/** Each question can be checked once; the check grades it for good and shows its feedback. */
export const immediateBehaviour: Behaviour = {
  name: 'immediate',
  refuseCheck(state) {
    if (state.finished)
      return { code: 'question-finished', message: 'this question has already been checked' };
    return undefined;
  },
  afterCheck(state, raw) {
    return { ...state, checks: state.checks + 1, finished: true, score: raw.score };
  },
  finalScore(state, raw) {
    return state.finished && state.score !== undefined ? state.score : raw.score;
  },
};

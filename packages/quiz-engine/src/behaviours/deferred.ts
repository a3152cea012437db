import type { Behaviour } from './behaviour.js';

/** Answers can change until submission; everything is graded then, with no feedback before. */
export const deferredBehaviour: Behaviour = {
  name: 'deferred',
  refuseCheck() {
    return {
      code: 'check-not-available',
      message: 'this quiz gives feedback only after submission (behaviour: deferred)',
    };
  },
  afterCheck(state) {
    return state;
  },
  finalScore(_state, raw) {
    return raw.score;
  },
};

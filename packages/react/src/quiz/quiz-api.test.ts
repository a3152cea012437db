import type {
  QuizForLearner,
  CheckedQuestion as ServerChecked,
  SubmittedAttempt as ServerSubmitted,
} from '@coursekit/classroom';
import { describe, expectTypeOf, it } from 'vitest';
import type { CheckedQuestion, QuizView, SubmittedAttempt } from './quiz-api.js';

// The island's copies of the API's answers must accept what @coursekit/classroom sends: `pnpm typecheck`
// fails here when the server's answer changes shape under them.
describe('the quiz API types', () => {
  it('accept the answers of @coursekit/classroom', () => {
    expectTypeOf<QuizForLearner>().toExtend<QuizView>();
    expectTypeOf<ServerSubmitted>().toExtend<SubmittedAttempt>();
    expectTypeOf<ServerChecked>().toExtend<CheckedQuestion>();
  });
});

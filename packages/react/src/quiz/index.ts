// The quiz island and its parts. No 'use client' on this barrel: each component module carries its own,
// so that a server component importing one of them sends only that one (and what it imports) to the browser.

export {
  fetchPastAttempts,
  type PastAttempt,
  PastAttemptList,
  PastAttempts,
  type ReviewedQuestion,
} from './past-attempts.js';
export { QuestionControl, type QuestionControlProps } from './question-control.js';
export { formatPoints, QuestionFeedback } from './question-feedback.js';
export type { CheckedQuestion, QuestionProgress, QuizView, SubmittedAttempt } from './quiz-api.js';
export { QuizIsland, type QuizTextRequest, type RenderQuizTexts } from './quiz-island.js';
export { QuizText, QuizTextProvider, type RenderedTexts } from './quiz-text.js';

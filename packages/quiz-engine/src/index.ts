export {
  type AttemptState,
  type AttemptStep,
  type AttemptTransition,
  answer,
  attemptSeed,
  type CheckOutcome,
  check,
  createAttempt,
  replayAttempt,
  submit,
} from './attempt.js';
export type {
  AttemptError,
  AttemptErrorCode,
  Behaviour,
  QuestionAttemptState,
} from './behaviours/behaviour.js';
export { deferredBehaviour } from './behaviours/deferred.js';
export { immediateBehaviour } from './behaviours/immediate.js';
export { interactiveBehaviour, penaltyFactor } from './behaviours/interactive.js';
export { formatPath, type QuizIssue, QuizValidationError } from './errors.js';
export {
  escapeGift,
  exportGift,
  GiftExportError,
  type GiftExportIssue,
  type GiftExportOptions,
} from './gift/export.js';
export { GiftImportError, type GiftImportOptions, type GiftIssue, importGift } from './gift/import.js';
export {
  type GradeResult,
  grade,
  type ObjectiveMastery,
  type QuestionResult,
  type QuestionStatus,
} from './grade.js';
export { questionIdsForAttempt } from './layout.js';
export { normaliseAnswer } from './normalise.js';
export { parseQuiz } from './parse.js';
export { type PublicQuiz, toPublicQuiz } from './public.js';
export {
  type AuthoredQuiz,
  BEHAVIOURS,
  type BehaviourName,
  poolSchema,
  type QuestionPool,
  type Quiz,
  type QuizEntry,
  quizSchema,
} from './quiz.js';
export {
  type ResponseIssue,
  type Responses,
  type ResponseValidation,
  validateResponses,
} from './responses.js';
export type { Seed } from './shuffle.js';
export type {
  CategoriseItem,
  CategoriseQuestion,
  Category,
  PublicCategoriseQuestion,
} from './types/categorise.js';
export type { Choice, PublicChoice } from './types/choices.js';
export type { ClozeBlank, ClozeQuestion, PublicClozeBlank, PublicClozeQuestion } from './types/cloze.js';
export type {
  CorrectAnswer,
  FeedbackItem,
  PublicQuestionBase,
  QuestionBase,
  ResponseError,
  ResponseErrorCode,
} from './types/common.js';
export type { EssayQuestion, PublicEssayQuestion, RubricCriterion, RubricLevel } from './types/essay.js';
export type { MatchingPair, MatchingQuestion, PublicMatchingQuestion } from './types/matching.js';
export type { MultipleResponseQuestion, PublicMultipleResponseQuestion } from './types/multiple.js';
export type { NumericQuestion, PublicNumericQuestion } from './types/numeric.js';
export type { OrderingItem, OrderingQuestion, PublicOrderingQuestion } from './types/ordering.js';
export {
  type AuthoredQuestion,
  type PublicQuestion,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  questionSchema,
} from './types/registry.js';
export type { AcceptedAnswer, PublicShortAnswerQuestion, ShortAnswerQuestion } from './types/short.js';
export type { PublicSingleChoiceQuestion, SingleChoiceQuestion } from './types/single.js';
export type { PublicTrueFalseQuestion, TrueFalseQuestion } from './types/truefalse.js';

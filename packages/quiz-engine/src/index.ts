export {
  type AttemptOptions,
  type AttemptState,
  type AttemptStep,
  type AttemptTransition,
  answer,
  answerAll,
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
export {
  type AnyClientType,
  builtInClientTypes,
  type ClientQuestionType,
  initialResponse,
  needsHuman,
  publicQuizTexts,
  type ShownQuestion,
} from './client.js';
export {
  type AnyPublicQuestion,
  builtInEngine,
  createQuizEngine,
  describeResponse,
  type QuizEngine,
} from './engine.js';
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
  type ExportQtiOptions,
  exportQti,
  type QtiExportWarning,
  type QtiPackage,
} from './qti/export-qti.js';
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
} from './types/categorise/categorise.js';
export type { Choice, PublicChoice } from './types/choices.js';
export type {
  ClozeBlank,
  ClozeQuestion,
  PublicClozeBlank,
  PublicClozeQuestion,
} from './types/cloze/cloze.js';
export { type ClozeSegment, splitClozeText } from './types/cloze/segments.js';
export type {
  CorrectAnswer,
  FeedbackItem,
  PublicQuestionBase,
  QuestionBase,
  ResponseError,
  ResponseErrorCode,
} from './types/common.js';
// Building blocks for question types defined outside the package.
export {
  type Arrangement,
  arrange,
  authoredIndexOf,
  checkOneOf,
  checkText,
  clampFraction,
  describe as describeValue,
  isPlainRecord,
  mustBe,
  normaliseBase,
  opaqueIdOf,
  publicBase,
  questionBaseShape,
  type RawGrade,
  type ResponseCheck,
  rejectResponse,
  slugSchema,
  textSchema,
} from './types/common.js';
export {
  type AnyQuestionType,
  type DraftResponse,
  defineQuestionType,
  type GiftMapping,
  type GiftQuestion,
  type GiftRead,
  type GiftWritten,
  type LayoutOptions,
  type PublicQuestionOf,
  type QuestionOf,
  type QuestionTexts,
  type QuestionTypeDefinition,
  type ResponseOf,
} from './types/definition.js';
export type {
  EssayQuestion,
  PublicEssayQuestion,
  RubricCriterion,
  RubricLevel,
} from './types/essay/essay.js';
export { countWords } from './types/essay/marking.js';
export type { MatchingPair, MatchingQuestion, PublicMatchingQuestion } from './types/matching/matching.js';
export type { MultipleResponseQuestion, PublicMultipleResponseQuestion } from './types/multiple/multiple.js';
export type { NumericAnswer, NumericQuestion, PublicNumericQuestion } from './types/numeric/numeric.js';
export { moveItem } from './types/ordering/move.js';
export type {
  OrderingItem,
  OrderingQuestion,
  OrderingScoring,
  PublicOrderingQuestion,
} from './types/ordering/ordering.js';
export { publicItemsOf } from './types/public-items.js';
export {
  type AuthoredQuestion,
  builtInQuestionTypes,
  type PublicQuestion,
  QUESTION_TYPES,
  type Question,
  type QuestionResponse,
  type QuestionType,
  questionSchema,
  questionSchemaOf,
} from './types/registry.js';
export type { AcceptedAnswer, PublicShortAnswerQuestion, ShortAnswerQuestion } from './types/short/short.js';
export type { PublicSingleChoiceQuestion, SingleChoiceQuestion } from './types/single/single.js';
export type { PublicTrueFalseQuestion, TrueFalseQuestion } from './types/truefalse/truefalse.js';

import type { RandomGenerator } from 'pure-rand';
import { z } from 'zod';
import {
  type CategoriseLayout,
  type CategoriseQuestion,
  categorise,
  categoriseSchema,
  normaliseCategorise,
  type PublicCategoriseQuestion,
} from './categorise.js';
import {
  type ClozeLayout,
  type ClozeQuestion,
  cloze,
  clozeSchema,
  normaliseCloze,
  type PublicClozeQuestion,
} from './cloze.js';
import type { CorrectAnswer, RawGrade, ResponseCheck } from './common.js';
import type { LayoutOptions, QuestionTypeDefinition } from './definition.js';
import {
  type EssayLayout,
  type EssayQuestion,
  essay,
  essaySchema,
  normaliseEssay,
  type PublicEssayQuestion,
} from './essay.js';
import {
  type MatchingLayout,
  type MatchingQuestion,
  matching,
  matchingSchema,
  normaliseMatching,
  type PublicMatchingQuestion,
} from './matching.js';
import {
  type MultipleResponseLayout,
  type MultipleResponseQuestion,
  multipleResponse,
  multipleResponseSchema,
  normaliseMultipleResponse,
  type PublicMultipleResponseQuestion,
} from './multiple.js';
import {
  type NumericLayout,
  type NumericQuestion,
  normaliseNumeric,
  numeric,
  numericSchema,
  type PublicNumericQuestion,
} from './numeric.js';
import {
  normaliseOrdering,
  type OrderingLayout,
  type OrderingQuestion,
  ordering,
  orderingSchema,
  type PublicOrderingQuestion,
} from './ordering.js';
import {
  normaliseShortAnswer,
  type PublicShortAnswerQuestion,
  type ShortAnswerLayout,
  type ShortAnswerQuestion,
  shortAnswer,
  shortAnswerSchema,
} from './short.js';
import {
  normaliseSingleChoice,
  type PublicSingleChoiceQuestion,
  type SingleChoiceLayout,
  type SingleChoiceQuestion,
  singleChoice,
  singleChoiceSchema,
} from './single.js';
import {
  normaliseTrueFalse,
  type PublicTrueFalseQuestion,
  type TrueFalseLayout,
  type TrueFalseQuestion,
  trueFalse,
  trueFalseSchema,
} from './truefalse.js';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'truefalse',
  'short',
  'numeric',
  'ordering',
  'matching',
  'categorise',
  'cloze',
  'essay',
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Authored shape of one question (not a pool), discriminated by `type`. */
export const questionSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleResponseSchema,
  trueFalseSchema,
  shortAnswerSchema,
  numericSchema,
  orderingSchema,
  matchingSchema,
  categoriseSchema,
  clozeSchema,
  essaySchema,
]);

export type AuthoredQuestion = z.input<typeof questionSchema>;

/** A question with its answer data, as `parseQuiz` returns it. Server-side only. */
export type Question =
  | SingleChoiceQuestion
  | MultipleResponseQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | NumericQuestion
  | OrderingQuestion
  | MatchingQuestion
  | CategoriseQuestion
  | ClozeQuestion
  | EssayQuestion;

/** What a browser may see of a question: no correctness, feedback, accepted answers or solution order. */
export type PublicQuestion =
  | PublicSingleChoiceQuestion
  | PublicMultipleResponseQuestion
  | PublicTrueFalseQuestion
  | PublicShortAnswerQuestion
  | PublicNumericQuestion
  | PublicOrderingQuestion
  | PublicMatchingQuestion
  | PublicCategoriseQuestion
  | PublicClozeQuestion
  | PublicEssayQuestion;

/** A question as laid out for one seed: the public view plus the map from its opaque ids back to the question. */
export type QuestionLayout =
  | SingleChoiceLayout
  | MultipleResponseLayout
  | TrueFalseLayout
  | ShortAnswerLayout
  | NumericLayout
  | OrderingLayout
  | MatchingLayout
  | CategoriseLayout
  | ClozeLayout
  | EssayLayout;

export function normaliseQuestion(authored: z.output<typeof questionSchema>): Question {
  switch (authored.type) {
    case 'single':
      return normaliseSingleChoice(authored);
    case 'multiple':
      return normaliseMultipleResponse(authored);
    case 'truefalse':
      return normaliseTrueFalse(authored);
    case 'short':
      return normaliseShortAnswer(authored);
    case 'numeric':
      return normaliseNumeric(authored);
    case 'ordering':
      return normaliseOrdering(authored);
    case 'matching':
      return normaliseMatching(authored);
    case 'categorise':
      return normaliseCategorise(authored);
    case 'cloze':
      return normaliseCloze(authored);
    case 'essay':
      return normaliseEssay(authored);
  }
}

type DefinitionFor<T extends QuestionType> = QuestionTypeDefinition<
  Extract<Question, { type: T }>,
  Extract<QuestionLayout, { type: T }>,
  Extract<PublicQuestion, { type: T }>,
  // biome-ignore lint/suspicious/noExplicitAny: each type checks its own response shape
  any
>;

const definitions: { [T in QuestionType]: DefinitionFor<T> } = {
  single: singleChoice,
  multiple: multipleResponse,
  truefalse: trueFalse,
  short: shortAnswer,
  numeric,
  ordering,
  matching,
  categorise,
  cloze,
  essay,
};

// TypeScript cannot correlate a union value with the matching entry of `definitions`; this one cast does.
function definitionOf(
  type: QuestionType,
): QuestionTypeDefinition<Question, QuestionLayout, PublicQuestion, unknown> {
  return definitions[type] as unknown as QuestionTypeDefinition<
    Question,
    QuestionLayout,
    PublicQuestion,
    unknown
  >;
}

export function layoutQuestion(
  question: Question,
  rng: RandomGenerator,
  options: LayoutOptions,
): QuestionLayout {
  return definitionOf(question.type).layout(question, rng, options);
}

export function checkQuestionResponse(view: PublicQuestion, value: unknown): ResponseCheck<unknown> {
  return definitionOf(view.type).checkResponse(view, value);
}

/** Grades a response that `checkQuestionResponse` accepted. */
export function gradeQuestionResponse(layout: QuestionLayout, response: unknown): RawGrade {
  return definitionOf(layout.type).grade(layout, response);
}

export function correctAnswerOf(layout: QuestionLayout): CorrectAnswer | undefined {
  return definitionOf(layout.type).correctAnswer(layout);
}

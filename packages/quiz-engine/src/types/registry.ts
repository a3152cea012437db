import { z } from 'zod';
import { categorise, categoriseSchema } from './categorise/categorise.js';
import { cloze, clozeSchema } from './cloze/cloze.js';
import type { AnyQuestionType, PublicQuestionOf, QuestionOf, ResponseOf } from './definition.js';
import { essay, essaySchema } from './essay/essay.js';
import { matching, matchingSchema } from './matching/matching.js';
import { multipleResponse, multipleResponseSchema } from './multiple/multiple.js';
import { numeric, numericSchema } from './numeric/numeric.js';
import { ordering, orderingSchema } from './ordering/ordering.js';
import { shortAnswer, shortAnswerSchema } from './short/short.js';
import { singleChoice, singleChoiceSchema } from './single/single.js';
import { trueFalse, trueFalseSchema } from './truefalse/truefalse.js';

/** The question types coursekit ships, in the order the documentation lists them. */
export const builtInQuestionTypes = [
  singleChoice,
  multipleResponse,
  trueFalse,
  shortAnswer,
  numeric,
  ordering,
  matching,
  categorise,
  cloze,
  essay,
] as const;

type BuiltIn = (typeof builtInQuestionTypes)[number];

export type QuestionType = BuiltIn['type'];

export const QUESTION_TYPES: readonly QuestionType[] = builtInQuestionTypes.map(
  (definition) => definition.type,
);

/** A question with its answer data, as `parseQuiz` returns it. Server-side only. */
export type Question = QuestionOf<BuiltIn>;

/** What a browser may see of a question: no correctness, feedback, accepted answers or solution order. */
export type PublicQuestion = PublicQuestionOf<BuiltIn>;

/** A well-formed response, by question type. */
export type QuestionResponse = ResponseOf<BuiltIn>;

/** The authored shape of one question of any of `types`, discriminated by `type`. */
export function questionSchemaOf(types: readonly AnyQuestionType[]) {
  const [first, ...rest] = types.map((definition) => definition.schema) as [z.ZodType, ...z.ZodType[]];
  // biome-ignore lint/suspicious/noExplicitAny: zod's discriminated union takes the type schemas as they are
  return z.discriminatedUnion('type', [first, ...rest] as any);
}

/** Authored shape of one built-in question (not a pool), discriminated by `type`. */
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

/** Looks a type up by name; a frozen table made once per engine. */
export type QuestionTypeTable = ReadonlyMap<string, AnyQuestionType>;

export function typeTable(types: readonly AnyQuestionType[]): QuestionTypeTable {
  const table = new Map<string, AnyQuestionType>();
  for (const definition of types) {
    if (table.has(definition.type))
      throw new TypeError(`question type '${definition.type}' is defined twice`);
    table.set(definition.type, definition);
  }
  return table;
}

export const builtInTypeTable: QuestionTypeTable = typeTable(builtInQuestionTypes);

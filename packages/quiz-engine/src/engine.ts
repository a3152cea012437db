import type { z } from 'zod';
import { type GiftImportOptions, importGiftWith } from './gift/import.js';
import { parseQuizWith } from './parse.js';
import type { PublicQuiz } from './public.js';
import { type Quiz, quizSchemaOf } from './quiz.js';
import { type ResponseValidation, validateResponses as validateWith } from './responses.js';
import type { Seed } from './shuffle.js';
import type { AnyQuestionType } from './types/definition.js';
import {
  builtInQuestionTypes,
  builtInTypeTable,
  type QuestionTypeTable,
  questionSchemaOf,
  typeTable,
} from './types/registry.js';

/** A public question of any type an engine knows: its `type` names the definition. */
export interface AnyPublicQuestion {
  type: string;
  id: string;
  prompt: string;
}

/**
 * The quiz functions for one set of question types. `parseQuiz` (and `importGift`) remember the types
 * with the quiz, so `grade`, `toPublicQuiz`, attempts and `exportGift` work on it as on any quiz.
 */
export interface QuizEngine {
  readonly types: readonly AnyQuestionType[];
  /** The authored shape of one question of these types. */
  readonly questionSchema: z.ZodType;
  /** The authored quiz shape with these question types. */
  readonly quizSchema: z.ZodType;
  parseQuiz(data: unknown): Quiz;
  importGift(text: string, options?: GiftImportOptions): Quiz;
  validateResponses(target: PublicQuiz | Quiz, input: unknown, options?: { seed: Seed }): ResponseValidation;
  /** A short readable form of a response for item analysis; null when there is nothing to show. */
  describeResponse(question: AnyPublicQuestion, response: unknown): string | null;
}

function definitionFor(types: QuestionTypeTable, type: string): AnyQuestionType {
  const definition = types.get(type);
  if (definition === undefined) throw new TypeError(`unknown question type '${type}'`);
  return definition;
}

function engineFor(types: readonly AnyQuestionType[], table: QuestionTypeTable): QuizEngine {
  const questionSchema = questionSchemaOf(types);
  const quizSchema = quizSchemaOf(questionSchema);
  const parseQuiz = (data: unknown) => parseQuizWith(data, quizSchema, table);
  return Object.freeze({
    types,
    questionSchema,
    quizSchema,
    parseQuiz,
    importGift: (text: string, options: GiftImportOptions = {}) =>
      importGiftWith(text, options, parseQuiz, table),
    validateResponses: (target: PublicQuiz | Quiz, input: unknown, options?: { seed: Seed }) =>
      validateWith(target, input, options, table),
    describeResponse(question: AnyPublicQuestion, response: unknown) {
      if (response === undefined || response === null) return null;
      const definition = definitionFor(table, question.type);
      // Only a response the type accepts is described; anything else reads as nothing.
      const checked = definition.checkResponse(question, response);
      return checked.ok ? definition.describeResponse(question, checked.value) : null;
    },
  });
}

/** An engine for `types`: the built-in ones (`builtInQuestionTypes`) and any defined with `defineQuestionType`. */
export function createQuizEngine(options: { types: readonly AnyQuestionType[] }): QuizEngine {
  const types = Object.freeze([...options.types]);
  return engineFor(types, typeTable(types));
}

/** The engine of the built-in question types, behind the package's top-level functions. */
export const builtInEngine: QuizEngine = engineFor(builtInQuestionTypes, builtInTypeTable);

export const describeResponse = builtInEngine.describeResponse;

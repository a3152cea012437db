import { layoutQuiz } from './layout.js';
import type { PublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';
import type { Seed } from './shuffle.js';
import {
  describe,
  isPlainRecord,
  preview,
  type ResponseError,
  type ResponseErrorCode,
} from './types/common.js';
import { checkQuestionResponse, type PublicQuestion } from './types/registry.js';

/**
 * Responses keyed by question id. Shapes per type: single → choice id; multiple → choice ids; truefalse →
 * boolean; short → string; numeric → number (or decimal string); ordering → item ids in order; matching →
 * `{ leftId: rightId }`; categorise → `{ itemId: categoryId }`; cloze → `{ blankId: text | choiceId }`;
 * essay → string. Ids are the opaque ones from the public quiz.
 */
export type Responses = Record<string, unknown>;

export interface ResponseIssue {
  /** Missing for problems with the whole input. */
  questionId?: string;
  code: ResponseErrorCode | 'not-an-object' | 'unknown-question';
  message: string;
}

export interface ResponseValidation {
  ok: boolean;
  /** The well-formed responses only, copied onto a fresh object. */
  responses: Responses;
  issues: ResponseIssue[];
}

// Enough to explain a bad request without echoing a flood of junk keys.
const MAX_REPORTED_UNKNOWN_KEYS = 20;

/** @internal Checks input against the public questions of one attempt; never throws. */
export function checkResponses(
  questions: readonly PublicQuestion[],
  input: unknown,
): ResponseValidation & { errors: Map<string, ResponseError> } {
  const responses: Responses = {};
  const issues: ResponseIssue[] = [];
  const errors = new Map<string, ResponseError>();
  if (!isPlainRecord(input)) {
    const issue: ResponseIssue = {
      code: 'not-an-object',
      message: `responses must be an object of question id → answer, got ${describe(input)}`,
    };
    return { ok: false, responses, issues: [issue], errors };
  }
  const byId = new Map(questions.map((question) => [question.id, question]));
  let unknown = 0;
  for (const key of Object.keys(input)) {
    if (byId.has(key)) continue;
    unknown += 1;
    if (unknown <= MAX_REPORTED_UNKNOWN_KEYS) {
      issues.push({
        code: 'unknown-question',
        message: `'${preview(key)}' is not a question of this attempt`,
      });
    }
  }
  if (unknown > MAX_REPORTED_UNKNOWN_KEYS) {
    issues.push({
      code: 'unknown-question',
      message: `${unknown - MAX_REPORTED_UNKNOWN_KEYS} more unknown question ids were left out of this report`,
    });
  }
  for (const question of questions) {
    if (!Object.hasOwn(input, question.id)) continue;
    let error: ResponseError | undefined;
    try {
      const checked = checkQuestionResponse(question, input[question.id]);
      if (checked.ok) responses[question.id] = checked.value;
      else error = checked.error;
    } catch {
      error = { code: 'wrong-type', message: 'this answer could not be read' };
    }
    if (error !== undefined) {
      errors.set(question.id, error);
      issues.push({ questionId: question.id, ...error });
    }
  }
  return { ok: issues.length === 0, responses, issues, errors };
}

function isPublicQuiz(target: PublicQuiz | Quiz): target is PublicQuiz {
  return 'totalPoints' in target;
}

/**
 * Checks untrusted input (a request body) against a quiz's public form, or against a quiz and the
 * attempt's seed. Never throws on bad input; reports every problem with the question it belongs to.
 */
export function validateResponses(
  target: PublicQuiz | Quiz,
  input: unknown,
  options?: { seed: Seed },
): ResponseValidation {
  let questions: PublicQuestion[];
  if (isPublicQuiz(target)) questions = target.questions;
  else {
    if (options === undefined)
      throw new TypeError('validateResponses(quiz, input, { seed }) needs the attempt seed');
    questions = layoutQuiz(target, options.seed).questions.map((layout) => layout.view);
  }
  const { ok, responses, issues } = checkResponses(questions, input);
  return { ok, responses, issues };
}

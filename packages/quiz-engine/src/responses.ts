import { type CompiledQuiz, compiledOf } from './compile.js';
import { type LaidOutQuestion, layoutQuiz, viewOf } from './layout.js';
import type { PublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';
import type { Seed } from './shuffle.js';
import {
  describe,
  isPlainRecord,
  preview,
  type ResponseCheck,
  type ResponseError,
  type ResponseErrorCode,
} from './types/common.js';
import type { QuestionTypeTable } from './types/registry.js';
import { builtInTypeTable, type PublicQuestion } from './types/registry.js';

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

/** The questions one check runs over: public views, or questions laid out for a seed (views made on demand). */
type Checkable =
  | { kind: 'views'; views: readonly PublicQuestion[]; types: QuestionTypeTable }
  | { kind: 'laid-out'; laidOut: readonly LaidOutQuestion[]; compiled: CompiledQuiz };

function wholeInputIssue(input: unknown): ResponseIssue {
  return {
    code: 'not-an-object',
    message: `responses must be an object of question id → answer, got ${describe(input)}`,
  };
}

function unknownKeyIssues(input: Record<string, unknown>, isAsked: (id: string) => boolean): ResponseIssue[] {
  const issues: ResponseIssue[] = [];
  let unknown = 0;
  for (const key of Object.keys(input)) {
    if (isAsked(key)) continue;
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
  return issues;
}

function checkOne(definitionCheck: () => ResponseCheck<unknown>): ResponseCheck<unknown> {
  try {
    return definitionCheck();
  } catch {
    return { ok: false, error: { code: 'wrong-type', message: 'this answer could not be read' } };
  }
}

/** @internal Checks input against the questions of one attempt; never throws. */
export function checkResponses(
  questions: readonly LaidOutQuestion[] | readonly PublicQuestion[],
  input: unknown,
  compiled?: CompiledQuiz,
): ResponseValidation & { errors: Map<string, ResponseError> } {
  const checkable: Checkable =
    compiled === undefined
      ? { kind: 'views', views: questions as readonly PublicQuestion[], types: builtInTypeTable }
      : { kind: 'laid-out', laidOut: questions as readonly LaidOutQuestion[], compiled };
  return runChecks(checkable, input);
}

function runChecks(
  checkable: Checkable,
  input: unknown,
): ResponseValidation & { errors: Map<string, ResponseError> } {
  const responses: Responses = {};
  const errors = new Map<string, ResponseError>();
  if (!isPlainRecord(input)) return { ok: false, responses, issues: [wholeInputIssue(input)], errors };
  const count = checkable.kind === 'views' ? checkable.views.length : checkable.laidOut.length;
  const idAt = (index: number) =>
    checkable.kind === 'views'
      ? (checkable.views[index] as PublicQuestion).id
      : (checkable.laidOut[index] as LaidOutQuestion).question.id;
  const isAsked = (id: string) => {
    // Without pools, every question of the quiz is asked; with them, only the drawn ones.
    if (checkable.kind === 'laid-out' && !checkable.compiled.hasPools) return checkable.compiled.byId.has(id);
    for (let index = 0; index < count; index += 1) if (idAt(index) === id) return true;
    return false;
  };
  const issues = unknownKeyIssues(input, isAsked);
  for (let index = 0; index < count; index += 1) {
    const id = idAt(index);
    if (!Object.hasOwn(input, id)) continue;
    const value = input[id];
    const checked =
      checkable.kind === 'views'
        ? checkOne(() => {
            const view = checkable.views[index] as PublicQuestion;
            const definition = checkable.types.get(view.type);
            if (definition === undefined) throw new TypeError(`unknown question type '${view.type}'`);
            return definition.checkResponse(view, value);
          })
        : checkOne(() => {
            const laidOut = checkable.laidOut[index] as LaidOutQuestion;
            return laidOut.compiled.definition.checkResponse(viewOf(laidOut), value);
          });
    if (checked.ok) responses[id] = checked.value;
    else {
      errors.set(id, checked.error);
      issues.push({ questionId: id, ...checked.error });
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
  types: QuestionTypeTable = builtInTypeTable,
): ResponseValidation {
  let checked: ResponseValidation;
  if (isPublicQuiz(target)) checked = runChecks({ kind: 'views', views: target.questions, types }, input);
  else {
    if (options === undefined)
      throw new TypeError('validateResponses(quiz, input, { seed }) needs the attempt seed');
    const compiled = compiledOf(target);
    checked = runChecks(
      { kind: 'laid-out', laidOut: layoutQuiz(target, options.seed, compiled), compiled },
      input,
    );
  }
  const { ok, responses, issues } = checked;
  return { ok, responses, issues };
}

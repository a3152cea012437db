import { type CompiledQuiz, compiledOf } from './compile.js';
import { type LaidOutQuestion, layoutQuiz, shownInView, shownOf } from './layout.js';
import type { PublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';
import type { Seed } from './shuffle.js';
import {
  describe,
  isPlainRecord,
  preview,
  type ResponseCheck,
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

const UNREADABLE: ResponseCheck<unknown> = {
  ok: false,
  error: { code: 'wrong-type', message: 'this answer could not be read' },
};

/** @internal What one check of a whole submission found, question by question in shown order. */
export interface CheckedSubmission {
  /** `checks[index]` belongs to the question at `index`; undefined where the input has no answer for it. */
  checks: (ResponseCheck<unknown> | undefined)[];
  issues: ResponseIssue[];
}

/** Runs a type's response check; a check never throws on input, but a type defined outside the package might. */
function checkSafely(check: () => ResponseCheck<unknown>): ResponseCheck<unknown> {
  try {
    return check();
  } catch {
    return UNREADABLE;
  }
}

/**
 * @internal Checks input against the questions of one attempt as laid out for its seed; never throws.
 * Works from the arrangements alone (no public views) and keeps the checks by position, so that grading
 * builds no object keyed by question ids.
 */
export function checkSubmission(
  laidOut: readonly LaidOutQuestion[],
  input: unknown,
  compiled: CompiledQuiz,
): CheckedSubmission {
  const checks: (ResponseCheck<unknown> | undefined)[] = [];
  if (!isPlainRecord(input)) {
    for (let index = 0; index < laidOut.length; index += 1) checks.push(undefined);
    return { checks, issues: [wholeInputIssue(input)] };
  }
  // Without pools, every question of the quiz is asked; with them, only the drawn ones.
  const issues = unknownKeyIssues(input, (id) =>
    compiled.hasPools ? laidOut.some((question) => question.compiled.id === id) : compiled.byId.has(id),
  );
  for (let index = 0; index < laidOut.length; index += 1) {
    const question = laidOut[index] as LaidOutQuestion;
    const entry = question.compiled;
    const id = entry.id;
    let check: ResponseCheck<unknown> | undefined;
    if (Object.hasOwn(input, id)) {
      // A check never throws on input; a type defined outside the package might, and must not stop grading.
      try {
        check = entry.checkResponse.call(entry.definition, shownOf(question), input[id]);
      } catch {
        check = UNREADABLE;
      }
      if (!check.ok) issues.push({ questionId: id, ...check.error });
    }
    checks.push(check);
  }
  return { checks, issues };
}

/** Checks input against public views (what a browser holds); never throws. */
function checkViews(
  views: readonly PublicQuestion[],
  input: unknown,
  types: QuestionTypeTable,
): CheckedSubmission {
  const checks: (ResponseCheck<unknown> | undefined)[] = new Array(views.length).fill(undefined);
  if (!isPlainRecord(input)) return { checks, issues: [wholeInputIssue(input)] };
  const issues = unknownKeyIssues(input, (id) => views.some((view) => view.id === id));
  views.forEach((view, index) => {
    if (!Object.hasOwn(input, view.id)) return;
    const definition = types.get(view.type);
    const check =
      definition === undefined
        ? UNREADABLE
        : checkSafely(() => definition.checkResponse(shownInView(definition, view), input[view.id]));
    checks[index] = check;
    if (!check.ok) issues.push({ questionId: view.id, ...check.error });
  });
  return { checks, issues };
}

function validationOf(ids: readonly string[], checked: CheckedSubmission): ResponseValidation {
  const responses: Responses = {};
  ids.forEach((id, index) => {
    const check = checked.checks[index];
    if (check?.ok) responses[id] = check.value;
  });
  return { ok: checked.issues.length === 0, responses, issues: checked.issues };
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
  if (isPublicQuiz(target)) {
    return validationOf(
      target.questions.map((question) => question.id),
      checkViews(target.questions, input, types),
    );
  }
  if (options === undefined)
    throw new TypeError('validateResponses(quiz, input, { seed }) needs the attempt seed');
  const compiled = compiledOf(target);
  const laidOut = layoutQuiz(target, options.seed, compiled);
  return validationOf(
    laidOut.map((question) => question.question.id),
    checkSubmission(laidOut, input, compiled),
  );
}

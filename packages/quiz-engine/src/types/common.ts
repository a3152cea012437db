import { slugPattern } from '@coursekit/issues';
import { slugSchema } from '@coursekit/issues/zod';
import type { RandomGenerator } from 'pure-rand';
import { z } from 'zod';
import { identityOrder, opaqueIds, seededOrder } from '../shuffle.js';

/**
 * Ids are slugs everywhere in a course folder.
 * @deprecated Use `slugPattern` from `@coursekit/issues` (the same pattern); this alias goes in the next minor version.
 */
export const SLUG_PATTERN = slugPattern;

/** Zod error option: "is required" when the key is missing, "must be <what>" when the value has the wrong type. */
export function mustBe(what: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${what}`;
}

/** An id: the one definition of `@coursekit/issues`, so quiz files and course files word it alike. */
export { slugSchema };

export const textSchema = z.string({ error: mustBe('text') }).min(1, { error: 'must not be empty' });

export const pointsSchema = z
  .number({ error: mustBe('a number') })
  .positive({ error: 'must be greater than 0' })
  .max(1000, { error: 'must be at most 1000' });

/** Moodle's answer grade: a percentage of the question's points, −100 to 100 (negative takes points away). */
export const weightSchema = z
  .number({ error: mustBe('a percentage from -100 to 100') })
  .min(-100, { error: 'must be a percentage from -100 to 100' })
  .max(100, { error: 'must be a percentage from -100 to 100' });

/** The grades Moodle offers for an answer (as fractions); GIFT writes them to five decimals (33.33333%). */
export const MOODLE_GRADES: readonly number[] = [
  1,
  0.9,
  5 / 6,
  0.8,
  0.75,
  0.7,
  2 / 3,
  0.6,
  0.5,
  0.4,
  1 / 3,
  0.3,
  0.25,
  0.2,
  1 / 6,
  1 / 7,
  0.125,
  1 / 9,
  0.1,
  0.05,
];

// Moodle's own tolerance when it matches an imported grade to its list.
const GRADE_MATCH_SLACK = 1e-5;

/** An authored percentage as a fraction; 33.33333 means exactly a third, as in Moodle. */
export function weightFraction(percentage: number): number {
  const fraction = percentage / 100;
  const size = Math.abs(fraction);
  for (const grade of MOODLE_GRADES) {
    if (Math.abs(size - grade) < GRADE_MATCH_SLACK) return Math.sign(fraction) * grade;
  }
  return fraction;
}

/** How a question of several parts scores: a share per right part (the default), or all parts or nothing. */
export const PART_SCORINGS = ['per-item', 'all-or-nothing'] as const;
export type PartScoring = (typeof PART_SCORINGS)[number];
export const partScoringSchema = z.enum(PART_SCORINGS, {
  error: `must be one of: ${PART_SCORINGS.join(', ')}`,
});

/** `right` of `count` parts right, as a share of the points under `scoring`. */
export function partsFraction(right: number, count: number, scoring: PartScoring): number {
  if (scoring === 'all-or-nothing') return right === count ? 1 : 0;
  return right / count;
}

/** Fields every question type shares (the prompt is added per type: cloze may leave it out). */
export const questionBaseShape = {
  id: slugSchema,
  points: pointsSchema.optional(),
  objectives: z.array(slugSchema).optional(),
  hints: z.array(textSchema).optional(),
  explanation: textSchema.optional(),
  category: textSchema.optional(),
};

export interface AuthoredQuestionBase {
  id: string;
  prompt?: string | undefined;
  points?: number | undefined;
  objectives?: string[] | undefined;
  hints?: string[] | undefined;
  explanation?: string | undefined;
  category?: string | undefined;
}

export interface QuestionBase {
  id: string;
  /** Markdown shown to the learner. */
  prompt: string;
  points: number;
  /** Lesson objective ids this question measures (mastery is reported per id). */
  objectives: string[];
  /** Revealed one per failed try in interactive attempts. */
  hints: string[];
  /** Shown after grading; may carry pandoc citations such as `[@rinna-two-peripheries, para. 2]`. */
  explanation?: string;
  /** A question-bank category (GIFT `$CATEGORY`); never shown to learners. */
  category?: string;
}

export function normaliseBase(authored: AuthoredQuestionBase): QuestionBase {
  const base: QuestionBase = {
    id: authored.id,
    prompt: authored.prompt ?? '',
    points: authored.points ?? 1,
    objectives: authored.objectives ?? [],
    hints: authored.hints ?? [],
  };
  if (authored.explanation !== undefined) base.explanation = authored.explanation;
  if (authored.category !== undefined) base.category = authored.category;
  return base;
}

export interface PublicQuestionBase {
  id: string;
  prompt: string;
  points: number;
  /** How many hints an interactive attempt can reveal (their text stays on the server until then). */
  hintCount: number;
}

export function publicBase(question: QuestionBase): PublicQuestionBase {
  return {
    id: question.id,
    prompt: question.prompt,
    points: question.points,
    hintCount: question.hints.length,
  };
}

/** How authored items are shown: `ids[position]` is the opaque id, `order[position]` the authored index. */
export interface Arrangement {
  ids: string[];
  order: number[];
}

export function arrange(count: number, shuffled: boolean, prefix: string, rng: RandomGenerator): Arrangement {
  const order = shuffled ? seededOrder(count, rng) : identityOrder(count);
  return { ids: opaqueIds(count, prefix, rng), order };
}

/** The authored index behind an opaque id, or undefined when the id was not shown in this attempt. */
export function authoredIndexOf(arrangement: Arrangement, id: string): number | undefined {
  const position = arrangement.ids.indexOf(id);
  return position === -1 ? undefined : arrangement.order[position];
}

/** The opaque id under which the authored item `index` is shown. */
export function opaqueIdOf(arrangement: Arrangement, index: number): string {
  return arrangement.ids[arrangement.order.indexOf(index)] as string;
}

export type ResponseErrorCode =
  | 'wrong-type'
  | 'unknown-id'
  | 'duplicate'
  | 'incomplete'
  | 'too-long'
  | 'not-a-number'
  | 'empty';

export interface ResponseError {
  code: ResponseErrorCode;
  message: string;
}

export type ResponseCheck<T> = { ok: true; value: T } | { ok: false; error: ResponseError };

export function rejectResponse(
  code: ResponseErrorCode,
  message: string,
): { ok: false; error: ResponseError } {
  return { ok: false, error: { code, message } };
}

/** Longest answer a short-answer or cloze blank accepts; longer input is rejected before any work. */
export const MAX_SHORT_RESPONSE_LENGTH = 1000;
/** Longest essay accepted (about 8,000 words). */
export const MAX_ESSAY_LENGTH = 50_000;

export function checkText(value: unknown, maxLength: number): ResponseCheck<string> {
  if (typeof value !== 'string') return rejectResponse('wrong-type', `expected text, got ${describe(value)}`);
  if (value.length > maxLength) {
    return rejectResponse(
      'too-long',
      `answer is ${value.length} characters; at most ${maxLength} are accepted`,
    );
  }
  return { ok: true, value };
}

/** The opaque ids of the options shown in one attempt (in any order). */
export type ShownOptions = readonly string[];

/** Whether `id` is one of the shown options. */
export function isShown(options: ShownOptions, id: string): boolean {
  return options.includes(id);
}

/** The ids of public items, for checking a response against a public view. */
export function idsOf(items: readonly { readonly id: string }[]): string[] {
  return items.map((item) => item.id);
}

export function checkOneOf(value: unknown, options: ShownOptions, what: string): ResponseCheck<string> {
  if (typeof value !== 'string')
    return rejectResponse('wrong-type', `expected a ${what} id, got ${describe(value)}`);
  if (!isShown(options, value))
    return rejectResponse('unknown-id', `'${preview(value)}' is not a ${what} of this question`);
  return { ok: true, value };
}

/** A plain object from JSON: not null, not an array, not a class instance. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Shortens untrusted text before it is echoed in an error message. */
export function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export type FeedbackItem = { text: string; choiceId?: string };

/** The right answer, for showing after submission: readable text plus a response that scores full marks. */
export interface CorrectAnswer {
  text: string;
  response: unknown;
}

/** What a type's grader reports; points, penalties and behaviours are applied by the caller. */
export interface RawGrade {
  /** 0..1 share of the points. */
  fraction: number;
  feedback: FeedbackItem[];
  /** Set by types a teacher grades by hand (essay). */
  needsReview?: boolean;
}

// Sums of weights such as 3 × 33.33333% or 7 × 1/7 miss 1 by rounding; Moodle counts them as full credit too.
const FULL_CREDIT_SLACK = 1e-6;

/** The share of the points earned, 0..1: negative totals count as 0, near-full sums as full. */
export function clampFraction(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 - FULL_CREDIT_SLACK ? 1 : value;
}

/** Adds a custom issue for each duplicate among `values`, at `path(index)`. */
export function reportDuplicates(
  values: readonly (string | undefined)[],
  ctx: z.RefinementCtx,
  path: (index: number) => (string | number)[],
  what: string,
): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: path(index),
        message: `duplicate ${what} '${value}' (same as item ${first + 1})`,
      });
  });
}

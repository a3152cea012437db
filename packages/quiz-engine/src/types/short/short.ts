import { z } from 'zod';
import { answerText, feedbackText, percent, plain } from '../../gift/text.js';
import { normaliseAnswer } from '../../normalise.js';
import {
  checkText,
  type FeedbackItem,
  MAX_SHORT_RESPONSE_LENGTH,
  mustBe,
  normaliseBase,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  textSchema,
  weightFraction,
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip } from '../describe.js';

/** Short answers earn 0 to 100% of the points, as in Moodle (no negative credit for a typed answer). */
const answerWeightSchema = z
  .number({ error: mustBe('a percentage from 0 to 100') })
  .min(0, { error: 'must be a percentage from 0 to 100' })
  .max(100, { error: 'must be a percentage from 0 to 100' });

export const acceptedAnswerSchema = z.union(
  [
    textSchema,
    z.strictObject({
      text: textSchema,
      weight: answerWeightSchema.optional(),
      feedback: textSchema.optional(),
    }),
  ],
  { error: 'must be text or { text, weight, feedback }' },
);

export type AuthoredAcceptedAnswer = z.infer<typeof acceptedAnswerSchema>;

export interface AcceptedAnswer {
  text: string;
  /** Share of the points this answer earns, 0..1 (1 unless the author gave a `weight`). */
  weight: number;
  /** Shown when the learner's answer matched this one. */
  feedback?: string;
}

/** Checks accepted answers and an optional pattern; shared with cloze text blanks. */
export function checkAcceptedAnswers(
  accept: readonly AuthoredAcceptedAnswer[],
  pattern: string | undefined,
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
): void {
  const seen = new Map<string, number>();
  if (!accept.some((entry) => typeof entry === 'string' || (entry.weight ?? 100) === 100)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'accept'],
      message: 'one accepted answer must earn full credit (leave its weight out or give weight: 100)',
    });
  }
  accept.forEach((entry, index) => {
    const text = typeof entry === 'string' ? entry : entry.text;
    const key = normaliseAnswer(text);
    if (key === '') {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'accept', index],
        message: `'${text}' has no letters or digits, so no answer can match it`,
      });
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'accept', index],
        message: `'${text}' is the same answer as accepted answer ${first + 1} once case, accents and punctuation are ignored`,
      });
    } else seen.set(key, index);
  });
  if (pattern !== undefined) {
    try {
      new RegExp(pattern, 'iu');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'pattern'],
        message: `not a valid regular expression: ${(error as Error).message}`,
      });
    }
  }
}

export function normaliseAcceptedAnswers(accept: readonly AuthoredAcceptedAnswer[]): AcceptedAnswer[] {
  return accept.map((entry) => {
    if (typeof entry === 'string') return { text: entry, weight: 1 };
    const answer: AcceptedAnswer = { text: entry.text, weight: weightFraction(entry.weight ?? 100) };
    if (entry.feedback !== undefined) answer.feedback = entry.feedback;
    return answer;
  });
}

/** Accepted answers made ready once per parsed quiz: their folded keys and the compiled pattern. */
export interface PreparedAnswers {
  keys: readonly string[];
  pattern: RegExp | undefined;
}

export function prepareAnswers(
  accept: readonly AcceptedAnswer[],
  pattern: string | undefined,
): PreparedAnswers {
  return Object.freeze({
    keys: Object.freeze(accept.map((answer) => normaliseAnswer(answer.text))),
    // Not global: `test` then keeps no state between calls, so one RegExp serves every caller.
    pattern: pattern === undefined ? undefined : Object.freeze(new RegExp(pattern, 'iu')),
  });
}

/**
 * Compares after folding case, accents, punctuation and spacing; the first accepted answer that matches
 * gives the credit (Moodle's rule), then the pattern (case-insensitive, Unicode) on the trimmed answer as
 * typed gives full credit. Returns the share earned and the matched accepted answer, if any.
 */
export function matchShortAnswer(
  response: string,
  accept: readonly AcceptedAnswer[],
  prepared: PreparedAnswers,
): { fraction: number; answer?: AcceptedAnswer } {
  const key = normaliseAnswer(response);
  if (key !== '') {
    const index = prepared.keys.indexOf(key);
    const answer = accept[index];
    if (answer !== undefined) return { fraction: answer.weight, answer };
  }
  if (prepared.pattern?.test(response.trim())) return { fraction: 1 };
  return { fraction: 0 };
}

/** The first accepted answer that earns full credit: what "the correct answer" shows. */
export function bestAcceptedAnswer(accept: readonly AcceptedAnswer[]): AcceptedAnswer {
  // A loop rather than find: the answers of a parsed quiz are frozen, where find leaves its fast path.
  for (const answer of accept) if (answer.weight >= 1) return answer;
  return accept[0] as AcceptedAnswer;
}

export const shortAnswerSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('short'),
    prompt: textSchema,
    accept: z.array(acceptedAnswerSchema).min(1, { error: 'list at least one accepted answer' }),
    pattern: textSchema.optional(),
  })
  .superRefine((question, ctx) => checkAcceptedAnswers(question.accept, question.pattern, ctx, []));

export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short';
  accept: AcceptedAnswer[];
  /** A regular expression (matched case-insensitively) that also counts as correct. */
  pattern?: string;
}

export interface PublicShortAnswerQuestion extends PublicQuestionBase {
  type: 'short';
  maxLength: number;
}

export function normaliseShortAnswer(authored: z.infer<typeof shortAnswerSchema>): ShortAnswerQuestion {
  const question: ShortAnswerQuestion = {
    ...normaliseBase(authored),
    type: 'short',
    accept: normaliseAcceptedAnswers(authored.accept),
  };
  if (authored.pattern !== undefined) question.pattern = authored.pattern;
  return question;
}

/** Moodle's short answer in GIFT: `=text` for full credit, `=%N%text` for partial credit. */
export function acceptedAnswerGift(answer: AcceptedAnswer): string {
  const text =
    answer.weight >= 1
      ? answerText(answer.text, '%100%')
      : `${percent(answer.weight)}${answerText(answer.text, '')}`;
  return `=${text}${feedbackText(answer.feedback)}`;
}

/** Response: the typed text (at most 1,000 characters). */
export const shortAnswer = defineQuestionType<
  ShortAnswerQuestion,
  undefined,
  PublicShortAnswerQuestion,
  string,
  PreparedAnswers,
  undefined
>({
  type: 'short',
  schema: shortAnswerSchema,
  normalise: normaliseShortAnswer,
  prepare(question) {
    return prepareAnswers(question.accept, question.pattern);
  },
  arrange() {
    return undefined;
  },
  view(question) {
    return { ...publicBase(question), type: 'short', maxLength: MAX_SHORT_RESPONSE_LENGTH };
  },
  // Nothing shown limits the response beyond its type.
  shownInView: () => undefined,
  shownInArrangement: () => undefined,
  checkResponse(_shown, value) {
    return checkText(value, MAX_SHORT_RESPONSE_LENGTH);
  },
  grade(question, _arrangement, response, prepared) {
    const match = matchShortAnswer(response, question.accept, prepared);
    const feedback: FeedbackItem[] =
      match.answer?.feedback === undefined ? [] : [{ text: match.answer.feedback }];
    return { fraction: match.fraction, feedback };
  },
  correctAnswer(question) {
    const best = bestAcceptedAnswer(question.accept);
    return { text: best.text, response: best.text };
  },
  describeResponse(_view, response) {
    return clip(normaliseAnswer(response));
  },
  gift: {
    read(item) {
      if (item.type !== 'Short') return undefined;
      const accept = item.choices.map((choice) => {
        const feedback = plain(choice.feedback);
        const weight = choice.weight ?? 100;
        if (feedback === undefined && weight === 100) return choice.text.text;
        const answer: Record<string, unknown> = { text: choice.text.text };
        if (weight !== 100) answer.weight = weight;
        if (feedback !== undefined) answer.feedback = feedback;
        return answer;
      });
      return { ok: true, question: { type: 'short', accept } };
    },
    write(question) {
      const meta: Record<string, unknown> = {};
      if (question.pattern !== undefined) meta.pattern = question.pattern;
      return {
        ok: true,
        meta,
        answers: question.accept.map((answer) => `\t${acceptedAnswerGift(answer)}`).join('\n'),
      };
    },
  },
});

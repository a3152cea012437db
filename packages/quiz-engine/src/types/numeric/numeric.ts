import type { NumericalFormat } from 'gift-pegjs';
import { z } from 'zod';
import { feedbackText, formatNumber, percent, plain } from '../../gift/text.js';
import {
  describe,
  mustBe,
  normaliseBase,
  type PublicQuestionBase,
  preview,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  rejectResponse,
  textSchema,
  weightFraction,
} from '../common.js';
import { defineQuestionType } from '../definition.js';

const finiteNumber = z.number({ error: mustBe('a number') }).finite({ error: 'must be a finite number' });

const toleranceSchema = finiteNumber.min(0, { error: 'must be 0 or more' });

/** One accepted number, Moodle-style: `answer ± tolerance` or `min..max`, with its share of the points. */
const numericAnswerSchema = z
  .strictObject({
    answer: finiteNumber.optional(),
    tolerance: toleranceSchema.optional(),
    min: finiteNumber.optional(),
    max: finiteNumber.optional(),
    weight: z
      .number({ error: mustBe('a percentage from 0 to 100') })
      .min(0, { error: 'must be a percentage from 0 to 100' })
      .max(100, { error: 'must be a percentage from 0 to 100' })
      .optional(),
    feedback: textSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    const range = entry.min !== undefined || entry.max !== undefined;
    if (range === (entry.answer !== undefined) || (range && entry.tolerance !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'give either answer (with an optional tolerance) or min and max',
      });
    } else if (range && (entry.min === undefined || entry.max === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a range needs both min and max' });
    } else if (range && (entry.min as number) > (entry.max as number)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `is less than min (${entry.min})` });
    }
  });

export const numericSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('numeric'),
    prompt: textSchema,
    answer: finiteNumber.optional(),
    tolerance: toleranceSchema.optional(),
    /** Several accepted numbers, each with its weight and feedback; the first that matches counts. */
    answers: z.array(numericAnswerSchema).min(1, { error: 'list at least one answer' }).optional(),
  })
  .superRefine((question, ctx) => {
    if ((question.answer === undefined) === (question.answers === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: question.answer === undefined ? ['answer'] : ['answers'],
        message:
          question.answer === undefined
            ? 'is required (or list several under answers: [...])'
            : 'give either answer (and tolerance) or answers: [...], not both',
      });
    }
    if (question.answers !== undefined && question.tolerance !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], message: 'goes on each entry of answers' });
    }
    if (question.answers?.every((entry) => (entry.weight ?? 100) !== 100)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: 'one answer must earn full credit (leave its weight out or give weight: 100)',
      });
    }
  });

export interface NumericAnswer {
  answer: number;
  /** Responses within answer ± tolerance match. */
  tolerance: number;
  /** Set when authored as a range: responses from min to max match. */
  min?: number;
  max?: number;
  /** Share of the points, 0..1. */
  weight: number;
  /** Shown when this answer matched. */
  feedback?: string;
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  /** The first answer that earns full credit (kept for readers of the single-answer form). */
  answer: number;
  tolerance: number;
  /** In authored order; the first one that matches a response gives its weight and feedback. */
  answers: NumericAnswer[];
}

export interface PublicNumericQuestion extends PublicQuestionBase {
  type: 'numeric';
}

export function normaliseNumeric(authored: z.infer<typeof numericSchema>): NumericQuestion {
  const answers = (
    authored.answers ?? [{ answer: authored.answer as number, tolerance: authored.tolerance }]
  ).map((entry): NumericAnswer => {
    const normalised: NumericAnswer =
      entry.answer !== undefined
        ? {
            answer: entry.answer,
            tolerance: entry.tolerance ?? 0,
            weight: weightFraction(entry.weight ?? 100),
          }
        : {
            answer: ((entry.min as number) + (entry.max as number)) / 2,
            tolerance: ((entry.max as number) - (entry.min as number)) / 2,
            min: entry.min as number,
            max: entry.max as number,
            weight: weightFraction(entry.weight ?? 100),
          };
    if (entry.feedback !== undefined) normalised.feedback = entry.feedback;
    return normalised;
  });
  const best = bestNumericAnswer(answers);
  return {
    ...normaliseBase(authored),
    type: 'numeric',
    answer: best.answer,
    tolerance: best.tolerance,
    answers,
  };
}

function bestNumericAnswer(answers: readonly NumericAnswer[]): NumericAnswer {
  // Loops rather than find: the answers of a parsed quiz are frozen, where find leaves its fast path.
  for (const entry of answers) if (entry.weight >= 1) return entry;
  return answers[0] as NumericAnswer;
}

function matchingNumericAnswer(answers: readonly NumericAnswer[], value: number): NumericAnswer | undefined {
  for (const entry of answers) if (numberMatches(entry, value)) return entry;
  return undefined;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// Absorbs binary rounding, so that 0.1 + 0.2 counts as 0.3 when the tolerance is 0.
const EPSILON = 1e-9;

export function numberMatches(entry: NumericAnswer, value: number): boolean {
  if (entry.min !== undefined && entry.max !== undefined) {
    return value >= entry.min - EPSILON && value <= entry.max + EPSILON;
  }
  return Math.abs(value - entry.answer) <= entry.tolerance + EPSILON;
}

/** `value:tolerance`, or `min..max` for an answer authored as a range. */
function giftValue(entry: NumericAnswer): string {
  if (entry.min !== undefined && entry.max !== undefined) {
    return `${formatNumber(entry.min)}..${formatNumber(entry.max)}`;
  }
  return `${formatNumber(entry.answer)}:${formatNumber(entry.tolerance)}`;
}

function giftAnswer(format: NumericalFormat): Record<string, unknown> {
  switch (format.type) {
    case 'high-low':
      return { min: format.numberLow ?? 0, max: format.numberHigh ?? 0 };
    case 'range':
      return { answer: format.number, tolerance: format.range ?? 0 };
    default:
      return { answer: format.number };
  }
}

/** Response: a number, or a decimal string as typed into a form field ("2017", " 3.5 "). */
export const numeric = defineQuestionType<
  NumericQuestion,
  undefined,
  PublicNumericQuestion,
  number,
  undefined,
  undefined
>({
  type: 'numeric',
  schema: numericSchema,
  normalise: normaliseNumeric,
  arrange() {
    return undefined;
  },
  view(question) {
    return { ...publicBase(question), type: 'numeric' };
  },
  // Nothing shown limits the response beyond its type.
  shownInView: () => undefined,
  shownInArrangement: () => undefined,
  checkResponse(_shown, value) {
    if (typeof value === 'number') {
      return Number.isFinite(value)
        ? { ok: true, value }
        : rejectResponse('not-a-number', 'expected a finite number');
    }
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.length > 64 || !DECIMAL.test(trimmed)) {
        return rejectResponse(
          'not-a-number',
          `'${preview(value)}' is not a number; write digits such as 2017 or 3.5`,
        );
      }
      return { ok: true, value: Number(trimmed) };
    }
    return rejectResponse('wrong-type', `expected a number, got ${describe(value)}`);
  },
  grade(question, _arrangement, response) {
    const matched = matchingNumericAnswer(question.answers, response);
    if (matched === undefined) return { fraction: 0, feedback: [] };
    return {
      fraction: matched.weight,
      feedback: matched.feedback === undefined ? [] : [{ text: matched.feedback }],
    };
  },
  correctAnswer(question) {
    const best = bestNumericAnswer(question.answers);
    if (best.min !== undefined && best.max !== undefined) {
      return { text: `${best.min}..${best.max}`, response: best.answer };
    }
    const { answer, tolerance } = best;
    return { text: tolerance === 0 ? String(answer) : `${answer} ± ${tolerance}`, response: answer };
  },
  describeResponse(_view, response) {
    return String(response);
  },
  gift: {
    // `{#1822:5}`, `{#3.141..3.142}` or several `=%N%value:tolerance #feedback` answers, as Moodle reads them.
    read(item) {
      if (item.type !== 'Numerical') return undefined;
      if (!Array.isArray(item.choices)) {
        const answer = giftAnswer(item.choices);
        return {
          ok: true,
          question: 'min' in answer ? { type: 'numeric', answers: [answer] } : { type: 'numeric', ...answer },
        };
      }
      const answers = item.choices.map((choice) => {
        const answer = giftAnswer(choice.text);
        if (choice.weight !== null && choice.weight !== 100) answer.weight = choice.weight;
        const feedback = plain(choice.feedback);
        if (feedback !== undefined) answer.feedback = feedback;
        return answer;
      });
      const [only] = answers;
      if (answers.length === 1 && only !== undefined && 'answer' in only && Object.keys(only).length <= 2) {
        return { ok: true, question: { type: 'numeric', ...only } };
      }
      return { ok: true, question: { type: 'numeric', answers } };
    },
    write(question) {
      const [only] = question.answers;
      if (
        question.answers.length === 1 &&
        only !== undefined &&
        only.weight >= 1 &&
        only.feedback === undefined
      ) {
        return { ok: true, meta: {}, answers: `#${giftValue(only)}` };
      }
      const lines = question.answers.map(
        (entry) =>
          `\t=${entry.weight >= 1 ? '' : percent(entry.weight)}${giftValue(entry)}${feedbackText(entry.feedback)}`,
      );
      return { ok: true, meta: {}, answers: `#\n${lines.join('\n')}` };
    },
  },
});

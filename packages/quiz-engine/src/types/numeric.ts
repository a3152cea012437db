import { z } from 'zod';
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
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';

const finiteNumber = z.number({ error: mustBe('a number') }).finite({ error: 'must be a finite number' });

export const numericSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal('numeric'),
  prompt: textSchema,
  answer: finiteNumber,
  tolerance: finiteNumber.min(0, { error: 'must be 0 or more' }).optional(),
});

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  /** Responses within answer ± tolerance are correct. */
  tolerance: number;
}

export interface PublicNumericQuestion extends PublicQuestionBase {
  type: 'numeric';
}

export interface NumericLayout {
  type: 'numeric';
  question: NumericQuestion;
  view: PublicNumericQuestion;
}

export function normaliseNumeric(authored: z.infer<typeof numericSchema>): NumericQuestion {
  return {
    ...normaliseBase(authored),
    type: 'numeric',
    answer: authored.answer,
    tolerance: authored.tolerance ?? 0,
  };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// Absorbs binary rounding, so that 0.1 + 0.2 counts as 0.3 when the tolerance is 0.
const EPSILON = 1e-9;

/** Response: a number, or a decimal string as typed into a form field ("2017", " 3.5 "). */
export const numeric: QuestionTypeDefinition<NumericQuestion, NumericLayout, PublicNumericQuestion, number> =
  {
    layout(question) {
      return { type: 'numeric', question, view: { ...publicBase(question), type: 'numeric' } };
    },
    checkResponse(_view, value) {
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
    grade(layout, response) {
      const { answer, tolerance } = layout.question;
      return { fraction: Math.abs(response - answer) <= tolerance + EPSILON ? 1 : 0, feedback: [] };
    },
    correctAnswer(layout) {
      const { answer, tolerance } = layout.question;
      return { text: tolerance === 0 ? String(answer) : `${answer} ± ${tolerance}`, response: answer };
    },
  };

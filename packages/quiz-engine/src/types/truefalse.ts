import { z } from 'zod';
import {
  describe,
  type FeedbackItem,
  mustBe,
  normaliseBase,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  rejectResponse,
  textSchema,
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';

export const trueFalseSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal('truefalse'),
  prompt: textSchema,
  answer: z.boolean({ error: mustBe('true or false') }),
  feedbackTrue: textSchema.optional(),
  feedbackFalse: textSchema.optional(),
});

export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
  /** Shown to a learner who answered true. */
  feedbackTrue?: string;
  /** Shown to a learner who answered false. */
  feedbackFalse?: string;
}

export interface PublicTrueFalseQuestion extends PublicQuestionBase {
  type: 'truefalse';
}

export interface TrueFalseLayout {
  type: 'truefalse';
  question: TrueFalseQuestion;
  view: PublicTrueFalseQuestion;
}

export function normaliseTrueFalse(authored: z.infer<typeof trueFalseSchema>): TrueFalseQuestion {
  const question: TrueFalseQuestion = {
    ...normaliseBase(authored),
    type: 'truefalse',
    answer: authored.answer,
  };
  if (authored.feedbackTrue !== undefined) question.feedbackTrue = authored.feedbackTrue;
  if (authored.feedbackFalse !== undefined) question.feedbackFalse = authored.feedbackFalse;
  return question;
}

/** Response: `true` or `false`. */
export const trueFalse: QuestionTypeDefinition<
  TrueFalseQuestion,
  TrueFalseLayout,
  PublicTrueFalseQuestion,
  boolean
> = {
  layout(question) {
    return { type: 'truefalse', question, view: { ...publicBase(question), type: 'truefalse' } };
  },
  checkResponse(_view, value) {
    if (typeof value !== 'boolean')
      return rejectResponse('wrong-type', `expected true or false, got ${describe(value)}`);
    return { ok: true, value };
  },
  grade(layout, response) {
    const { question } = layout;
    const text = response ? question.feedbackTrue : question.feedbackFalse;
    const feedback: FeedbackItem[] = text === undefined ? [] : [{ text }];
    return { fraction: response === question.answer ? 1 : 0, feedback };
  },
  correctAnswer(layout) {
    return { text: layout.question.answer ? 'True' : 'False', response: layout.question.answer };
  },
};

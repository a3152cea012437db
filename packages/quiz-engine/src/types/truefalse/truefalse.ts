import { z } from 'zod';
import { escapeGift, plain } from '../../gift/text.js';
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
} from '../common.js';
import { defineQuestionType } from '../definition.js';

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
export const trueFalse = defineQuestionType<TrueFalseQuestion, undefined, PublicTrueFalseQuestion, boolean>({
  type: 'truefalse',
  schema: trueFalseSchema,
  normalise: normaliseTrueFalse,
  arrange() {
    return undefined;
  },
  view(question) {
    return { ...publicBase(question), type: 'truefalse' };
  },
  checkResponse(_view, value) {
    if (typeof value !== 'boolean')
      return rejectResponse('wrong-type', `expected true or false, got ${describe(value)}`);
    return { ok: true, value };
  },
  grade(question, _arrangement, response) {
    const text = response ? question.feedbackTrue : question.feedbackFalse;
    const feedback: FeedbackItem[] = text === undefined ? [] : [{ text }];
    return { fraction: response === question.answer ? 1 : 0, feedback };
  },
  correctAnswer(question) {
    return { text: question.answer ? 'True' : 'False', response: question.answer };
  },
  describeResponse(_view, response) {
    return response ? 'True' : 'False';
  },
  gift: {
    read(item) {
      if (item.type !== 'TF') return undefined;
      // Moodle reads {T#a#b} as a = feedback for a wrong answer, b = for a right one; gift-pegjs keeps them in order.
      const wrong = plain(item.trueFeedback);
      const right = plain(item.falseFeedback);
      const question: Record<string, unknown> = { type: 'truefalse', answer: item.isTrue };
      const forTrue = item.isTrue ? right : wrong;
      const forFalse = item.isTrue ? wrong : right;
      if (forTrue) question.feedbackTrue = forTrue;
      if (forFalse) question.feedbackFalse = forFalse;
      return { ok: true, question };
    },
    write(question) {
      const forWrong = question.answer ? question.feedbackFalse : question.feedbackTrue;
      const forRight = question.answer ? question.feedbackTrue : question.feedbackFalse;
      let answers = question.answer ? 'TRUE' : 'FALSE';
      if (forWrong !== undefined || forRight !== undefined) answers += `#${escapeGift(forWrong ?? '')}`;
      if (forRight !== undefined) answers += `#${escapeGift(forRight)}`;
      return { ok: true, meta: {}, answers };
    },
  },
});

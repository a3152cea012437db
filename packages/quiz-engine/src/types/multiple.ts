import { z } from 'zod';
import {
  arrangeChoices,
  type Choice,
  checkChoices,
  choiceSchema,
  normaliseChoices,
  type PublicChoice,
  publicChoices,
} from './choices.js';
import {
  type Arrangement,
  authoredIndexOf,
  clampFraction,
  type FeedbackItem,
  mustBe,
  normaliseBase,
  opaqueIdOf,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  rejectResponse,
  textSchema,
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';
import { checkDistinctIds } from './distinct-ids.js';

/** One wrong pick cancels one right pick unless the author says otherwise. */
export const DEFAULT_WRONG_PICK_PENALTY = 1;

export const multipleResponseSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('multiple'),
    prompt: textSchema,
    penalty: z
      .number({ error: mustBe('a number') })
      .min(0, { error: 'must be between 0 and 1' })
      .max(1, { error: 'must be between 0 and 1' })
      .optional(),
    choices: z.array(choiceSchema).min(2, { error: 'a multiple-response question needs at least 2 choices' }),
  })
  .superRefine((question, ctx) => {
    if (!question.choices.some((choice) => choice.correct === true)) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'a multiple-response question needs at least one choice with correct: true',
      });
    }
    checkChoices(question.choices, ctx, ['choices']);
  });

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple';
  /** Share of one correct pick's credit lost per wrong pick. */
  penalty: number;
  choices: Choice[];
}

export interface PublicMultipleResponseQuestion extends PublicQuestionBase {
  type: 'multiple';
  choices: PublicChoice[];
}

export interface MultipleResponseLayout {
  type: 'multiple';
  question: MultipleResponseQuestion;
  view: PublicMultipleResponseQuestion;
  choices: Arrangement;
}

export function normaliseMultipleResponse(
  authored: z.infer<typeof multipleResponseSchema>,
): MultipleResponseQuestion {
  return {
    ...normaliseBase(authored),
    type: 'multiple',
    penalty: authored.penalty ?? DEFAULT_WRONG_PICK_PENALTY,
    choices: normaliseChoices(authored.choices),
  };
}

/** Response: the opaque ids of every picked choice, each once (an empty list picks nothing). */
export const multipleResponse: QuestionTypeDefinition<
  MultipleResponseQuestion,
  MultipleResponseLayout,
  PublicMultipleResponseQuestion,
  string[]
> = {
  layout(question, rng, options) {
    const choices = arrangeChoices(question.choices, options.shuffleChoices, rng);
    return {
      type: 'multiple',
      question,
      choices,
      view: { ...publicBase(question), type: 'multiple', choices: publicChoices(question.choices, choices) },
    };
  },
  checkResponse(view, value) {
    const ids = view.choices.map((choice) => choice.id);
    if (Array.isArray(value) && value.length > ids.length) {
      return rejectResponse('duplicate', `${value.length} picks for ${ids.length} choices`);
    }
    return checkDistinctIds(value, ids, 'choice', (id) => `choice '${id}' is picked twice`);
  },
  grade(layout, response) {
    const { choices, penalty } = layout.question;
    const correctCount = choices.filter((choice) => choice.correct).length;
    let right = 0;
    let wrong = 0;
    const feedback: FeedbackItem[] = [];
    for (const id of response) {
      const choice = choices[authoredIndexOf(layout.choices, id) ?? -1];
      if (choice === undefined) continue;
      if (choice.correct) right += 1;
      else wrong += 1;
      if (choice.feedback !== undefined) feedback.push({ text: choice.feedback, choiceId: id });
    }
    return { fraction: clampFraction((right - penalty * wrong) / correctCount), feedback };
  },
  correctAnswer(layout) {
    const indices = layout.question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
    return {
      text: indices.map((index) => (layout.question.choices[index] as Choice).text).join('; '),
      response: indices.map((index) => opaqueIdOf(layout.choices, index)),
    };
  },
};

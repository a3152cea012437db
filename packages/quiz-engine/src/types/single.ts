import { z } from 'zod';
import {
  arrangeChoices,
  type Choice,
  checkChoices,
  choiceSchema,
  normaliseChoices,
  type PublicChoice,
  publicChoices,
  usesWeights,
} from './choices.js';
import {
  type Arrangement,
  authoredIndexOf,
  checkOneOf,
  clampFraction,
  type FeedbackItem,
  normaliseBase,
  opaqueIdOf,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  textSchema,
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';

export const singleChoiceSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('single'),
    prompt: textSchema,
    choices: z.array(choiceSchema).min(2, { error: 'a single-choice question needs at least 2 choices' }),
  })
  .superRefine((question, ctx) => {
    if (usesWeights(question.choices)) {
      const full = question.choices.filter((choice) => choice.correct === true || choice.weight === 100);
      if (full.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['choices'],
          message:
            'one choice must earn full credit (correct: true or weight: 100); the other weights give partial credit',
        });
      }
      checkChoices(question.choices, ctx, ['choices']);
      return;
    }
    const correct = question.choices.filter((choice) => choice.correct === true).length;
    if (correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `a single-choice question needs exactly one choice with correct: true (found ${correct}); use type: multiple for several`,
      });
    }
    checkChoices(question.choices, ctx, ['choices']);
  });

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  choices: Choice[];
}

export interface PublicSingleChoiceQuestion extends PublicQuestionBase {
  type: 'single';
  choices: PublicChoice[];
}

export interface SingleChoiceLayout {
  type: 'single';
  question: SingleChoiceQuestion;
  view: PublicSingleChoiceQuestion;
  choices: Arrangement;
}

export function normaliseSingleChoice(authored: z.infer<typeof singleChoiceSchema>): SingleChoiceQuestion {
  return { ...normaliseBase(authored), type: 'single', choices: normaliseChoices(authored.choices) };
}

/** Response: the opaque id of the chosen choice. */
export const singleChoice: QuestionTypeDefinition<
  SingleChoiceQuestion,
  SingleChoiceLayout,
  PublicSingleChoiceQuestion,
  string
> = {
  layout(question, rng, options) {
    const choices = arrangeChoices(question.choices, options.shuffleChoices, rng);
    return {
      type: 'single',
      question,
      choices,
      view: { ...publicBase(question), type: 'single', choices: publicChoices(question.choices, choices) },
    };
  },
  checkResponse(view, value) {
    return checkOneOf(
      value,
      view.choices.map((choice) => choice.id),
      'choice',
    );
  },
  grade(layout, response) {
    const choice = layout.question.choices[authoredIndexOf(layout.choices, response) ?? -1];
    const feedback: FeedbackItem[] =
      choice?.feedback === undefined ? [] : [{ text: choice.feedback, choiceId: response }];
    return { fraction: clampFraction(choice?.weight ?? 0), feedback };
  },
  correctAnswer(layout) {
    const index = layout.question.choices.findIndex((choice) => choice.weight >= 1);
    const choice = layout.question.choices[index] as Choice;
    return { text: choice.text, response: opaqueIdOf(layout.choices, index) };
  },
};

import { z } from 'zod';
import { authoredChoice, choiceIdsMeta, singleChoiceAnswer } from '../../gift/text.js';
import {
  arrangeChoices,
  type Choice,
  checkChoices,
  choiceSchema,
  normaliseChoices,
  type PublicChoice,
  publicChoices,
  usesWeights,
} from '../choices.js';
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
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip, textOf } from '../describe.js';

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

export function normaliseSingleChoice(authored: z.infer<typeof singleChoiceSchema>): SingleChoiceQuestion {
  return { ...normaliseBase(authored), type: 'single', choices: normaliseChoices(authored.choices) };
}

/** Response: the opaque id of the chosen choice; it earns that choice's weight (Moodle's answer grade). */
export const singleChoice = defineQuestionType<
  SingleChoiceQuestion,
  Arrangement,
  PublicSingleChoiceQuestion,
  string
>({
  type: 'single',
  schema: singleChoiceSchema,
  normalise: normaliseSingleChoice,
  arrange(question, rng, options) {
    return arrangeChoices(question.choices, options.shuffleChoices, rng);
  },
  view(question, choices) {
    return { ...publicBase(question), type: 'single', choices: publicChoices(question.choices, choices) };
  },
  checkResponse(view, value) {
    return checkOneOf(value, view.choices, 'choice');
  },
  grade(question, choices, response) {
    const choice = question.choices[authoredIndexOf(choices, response) ?? -1];
    const feedback: FeedbackItem[] =
      choice?.feedback === undefined ? [] : [{ text: choice.feedback, choiceId: response }];
    return { fraction: clampFraction(choice?.weight ?? 0), feedback };
  },
  correctAnswer(question, choices) {
    const index = question.choices.findIndex((choice) => choice.weight >= 1);
    const choice = question.choices[index] as Choice;
    return { text: choice.text, response: opaqueIdOf(choices, index) };
  },
  describeResponse(view, response) {
    return clip(textOf(view.choices, response));
  },
  gift: {
    // Moodle's rule: an `=` answer makes a single-choice question; `~%N%` answers earn N%.
    read(item) {
      if (item.type !== 'MC' || !item.choices.some((choice) => choice.isCorrect)) return undefined;
      const weighted = item.choices.some((choice) => choice.weight !== null);
      return {
        ok: true,
        question: { type: 'single', choices: item.choices.map((choice) => authoredChoice(choice, weighted)) },
      };
    },
    write(question) {
      const meta = {};
      choiceIdsMeta(question.choices, meta);
      return {
        ok: true,
        meta,
        answers: question.choices.map((choice) => `\t${singleChoiceAnswer(choice)}`).join('\n'),
      };
    },
  },
});

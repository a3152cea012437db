import { z } from 'zod';
import { authoredChoice, choiceIdsMeta, escapeGift, feedbackText, percent } from '../../gift/text.js';
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
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip, textOf } from '../describe.js';
import { checkDistinctIds } from '../distinct-ids.js';

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
    if (usesWeights(question.choices)) {
      checkWeights(question, ctx);
      checkChoices(question.choices, ctx, ['choices']);
      return;
    }
    if (!question.choices.some((choice) => choice.correct === true)) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'a multiple-response question needs at least one choice with correct: true',
      });
    }
    checkChoices(question.choices, ctx, ['choices']);
  });

/** Moodle's rule: the positive weights of a multiple-response question add up to 100%. */
function checkWeights(question: z.input<typeof multipleResponseSchema>, ctx: z.RefinementCtx): void {
  if (question.penalty !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['penalty'],
      message: 'with choice weights, give wrong choices a negative weight instead of a penalty',
    });
  }
  let positive = 0;
  question.choices.forEach((choice, index) => {
    if (choice.correct === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices', index, 'correct'],
        message: 'when choices have weights, give this one a weight too (its share of the points)',
      });
    }
    if (choice.weight !== undefined && choice.weight > 0) positive += choice.weight;
  });
  if (Math.abs(positive - 100) > WEIGHT_SUM_SLACK) {
    ctx.addIssue({
      code: 'custom',
      path: ['choices'],
      message: `the positive weights add up to ${Math.round(positive * 1000) / 1000}%; they must add up to 100%`,
    });
  }
}

// Moodle writes a third as 33.33333%: three of them are 99.99999%.
const WEIGHT_SUM_SLACK = 0.001;

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple';
  /** Each choice's `weight` is its share of the points; the total is clamped to 0..1. */
  choices: Choice[];
}

export interface PublicMultipleResponseQuestion extends PublicQuestionBase {
  type: 'multiple';
  choices: PublicChoice[];
}

export function normaliseMultipleResponse(
  authored: z.infer<typeof multipleResponseSchema>,
): MultipleResponseQuestion {
  // Without weights: each correct pick earns an equal share, each wrong pick loses `penalty` of one share.
  const correctCount = authored.choices.filter((choice) => choice.correct === true).length || 1;
  const penalty = authored.penalty ?? DEFAULT_WRONG_PICK_PENALTY;
  return {
    ...normaliseBase(authored),
    type: 'multiple',
    choices: normaliseChoices(authored.choices, 1 / correctCount, -penalty / correctCount),
  };
}

/** Response: the opaque ids of every picked choice, each once (an empty list picks nothing). */
export const multipleResponse = defineQuestionType<
  MultipleResponseQuestion,
  Arrangement,
  PublicMultipleResponseQuestion,
  string[]
>({
  type: 'multiple',
  schema: multipleResponseSchema,
  normalise: normaliseMultipleResponse,
  arrange(question, rng, options) {
    return arrangeChoices(question.choices, options.shuffleChoices, rng);
  },
  view(question, choices) {
    return { ...publicBase(question), type: 'multiple', choices: publicChoices(question.choices, choices) };
  },
  checkResponse(view, value) {
    if (Array.isArray(value) && value.length > view.choices.length) {
      return rejectResponse('duplicate', `${value.length} picks for ${view.choices.length} choices`);
    }
    return checkDistinctIds(value, view.choices, 'choice', (id) => `choice '${id}' is picked twice`);
  },
  grade(question, choices, response) {
    let total = 0;
    const feedback: FeedbackItem[] = [];
    for (const id of response) {
      const choice = question.choices[authoredIndexOf(choices, id) ?? -1];
      if (choice === undefined) continue;
      total += choice.weight;
      if (choice.feedback !== undefined) feedback.push({ text: choice.feedback, choiceId: id });
    }
    return { fraction: clampFraction(total), feedback };
  },
  correctAnswer(question, choices) {
    const indices = question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
    return {
      text: indices.map((index) => (question.choices[index] as Choice).text).join('; '),
      response: indices.map((index) => opaqueIdOf(choices, index)),
    };
  },
  describeResponse(view, response) {
    const picked = response.map((id) => textOf(view.choices, id)).sort();
    return clip(picked.length > 0 ? picked.join(' + ') : '(nothing picked)');
  },
  gift: {
    // Without an `=` answer Moodle reads a multiple response: every `%N%` weight adds to the total.
    read(item) {
      if (item.type !== 'MC' || item.choices.some((choice) => choice.isCorrect)) return undefined;
      return {
        ok: true,
        question: { type: 'multiple', choices: item.choices.map((choice) => authoredChoice(choice, true)) },
      };
    },
    applyMeta(authored, meta) {
      if (meta.penalty !== undefined && Array.isArray(authored.choices)) {
        // Written before weights: the comment's penalty, with the weights' signs as right and wrong.
        authored.choices = (authored.choices as Record<string, unknown>[]).map(({ weight, ...choice }) =>
          (weight as number) > 0 ? { ...choice, correct: true } : choice,
        );
      }
      return meta;
    },
    write(question) {
      const meta = {};
      choiceIdsMeta(question.choices, meta);
      const answers = question.choices.map((choice) => {
        const weight =
          choice.weight !== 0 ? percent(choice.weight) : choice.text.startsWith('%') ? '%0%' : '';
        return `\t~${weight}${escapeGift(choice.text)}${feedbackText(choice.feedback)}`;
      });
      return { ok: true, meta, answers: answers.join('\n') };
    },
  },
});

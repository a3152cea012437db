import type { RandomGenerator } from 'pure-rand';
import { z } from 'zod';
import {
  type Arrangement,
  arrange,
  mustBe,
  reportDuplicates,
  slugSchema,
  textSchema,
  weightFraction,
  weightSchema,
} from './common.js';
import { idOrNumbered } from './numbered-id.js';
import { publicItemsOf } from './public-items.js';

export const choiceSchema = z.strictObject({
  id: slugSchema.optional(),
  text: textSchema,
  correct: z.boolean({ error: mustBe('true or false') }).optional(),
  weight: weightSchema.optional(),
  feedback: textSchema.optional(),
});

export type AuthoredChoice = z.infer<typeof choiceSchema>;

export interface Choice {
  id: string;
  text: string;
  /** Earns credit when picked (weight above 0). */
  correct: boolean;
  /** Share of the question's points this choice earns, −1 to 1 (Moodle's answer grade / 100). */
  weight: number;
  /** Shown after grading when the learner picked this choice. */
  feedback?: string;
}

export interface PublicChoice {
  /** Opaque, attempt-specific id; send it back as the response. */
  id: string;
  text: string;
}

/** Authors may omit choice ids; `choice-1`, `choice-2`… follow the authored order. */
export function choiceIdAt(authored: { id?: string | undefined }, index: number): string {
  return idOrNumbered(authored.id, 'choice', index);
}

/** True when any choice carries a Moodle-style `weight`: then weights, not `correct`, give the credit. */
export function usesWeights(choices: readonly AuthoredChoice[]): boolean {
  return choices.some((choice) => choice.weight !== undefined);
}

/**
 * Each choice's weight as a fraction: its authored percentage, or `weightOfCorrect` / `weightOfWrong`
 * for `correct: true` and unmarked choices.
 */
export function normaliseChoices(
  authored: readonly AuthoredChoice[],
  weightOfCorrect = 1,
  weightOfWrong = 0,
): Choice[] {
  return authored.map((choice, index) => {
    const weight =
      choice.weight !== undefined
        ? weightFraction(choice.weight)
        : choice.correct === true
          ? weightOfCorrect
          : weightOfWrong;
    const normalised: Choice = {
      id: choiceIdAt(choice, index),
      text: choice.text,
      correct: weight > 0,
      weight,
    };
    if (choice.feedback !== undefined) normalised.feedback = choice.feedback;
    return normalised;
  });
}

export function checkChoices(
  choices: readonly AuthoredChoice[],
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
): void {
  choices.forEach((choice, index) => {
    if (choice.weight !== undefined && choice.correct !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'correct'],
        message: 'give either correct: true or a weight, not both (weight: 100 is a fully correct choice)',
      });
    }
  });
  reportDuplicates(choices.map(choiceIdAt), ctx, (index) => [...path, index, 'id'], 'choice id');
  reportDuplicates(
    choices.map((choice) => choice.text),
    ctx,
    (index) => [...path, index, 'text'],
    'choice text',
  );
}

/** Choices are shown under `c…` opaque ids in every type that has them (single, multiple, cloze blanks). */
export function arrangeChoices(
  choices: readonly Choice[],
  shuffled: boolean,
  rng: RandomGenerator,
): Arrangement {
  return arrange(choices.length, shuffled, 'c', rng);
}

export function publicChoices(choices: readonly Choice[], arrangement: Arrangement): PublicChoice[] {
  return publicItemsOf(arrangement, (authoredIndex) => ({ text: (choices[authoredIndex] as Choice).text }));
}

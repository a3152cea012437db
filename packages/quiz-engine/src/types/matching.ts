import { z } from 'zod';
import {
  type Arrangement,
  arrange,
  normaliseBase,
  type PartScoring,
  type PublicQuestionBase,
  partScoringSchema,
  partsFraction,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  reportDuplicates,
  slugSchema,
  textSchema,
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';
import {
  checkIdMap,
  correctKeyedResponse,
  countCorrectlyKeyed,
  type KeyedAnswerKey,
} from './keyed-response.js';
import { idOrNumbered } from './numbered-id.js';
import { publicItemsOf } from './public-items.js';

const pairSide = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'this pair is dangling: give it both a left and a right side'
        : 'must be text',
  })
  .min(1, { error: 'this pair is dangling: give it both a left and a right side' });

export const matchingSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('matching'),
    prompt: textSchema,
    /** per-item (default): a share per right pair; all-or-nothing: points only when all are right. */
    scoring: partScoringSchema.optional(),
    pairs: z
      .array(z.strictObject({ id: slugSchema.optional(), left: pairSide, right: pairSide }))
      .min(2, { error: 'a matching question needs at least 2 pairs' }),
    /** Extra right-hand options that match nothing. */
    distractors: z.array(textSchema).optional(),
  })
  .superRefine((question, ctx) => {
    reportDuplicates(
      question.pairs.map((pair, index) => idOrNumbered(pair.id, 'pair', index)),
      ctx,
      (index) => ['pairs', index, 'id'],
      'pair id',
    );
    reportDuplicates(
      question.pairs.map((pair) => pair.left),
      ctx,
      (index) => ['pairs', index, 'left'],
      'left side',
    );
    const rights = [...question.pairs.map((pair) => pair.right), ...(question.distractors ?? [])];
    reportDuplicates(
      rights,
      ctx,
      (index) =>
        index < question.pairs.length
          ? ['pairs', index, 'right']
          : ['distractors', index - question.pairs.length],
      'right side',
    );
  });

export interface MatchingPair {
  id: string;
  left: string;
  right: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: MatchingPair[];
  distractors: string[];
  scoring: PartScoring;
}

export interface PublicMatchingQuestion extends PublicQuestionBase {
  type: 'matching';
  left: { id: string; text: string }[];
  /** Every right side and distractor, in a seeded order. */
  right: { id: string; text: string }[];
}

export interface MatchingLayout {
  type: 'matching';
  question: MatchingQuestion;
  view: PublicMatchingQuestion;
  left: Arrangement;
  /** Authored indices below `pairs.length` are the pairs' right sides, the rest distractors. */
  right: Arrangement;
}

export function normaliseMatching(authored: z.infer<typeof matchingSchema>): MatchingQuestion {
  return {
    ...normaliseBase(authored),
    type: 'matching',
    pairs: authored.pairs.map((pair, index) => ({
      id: idOrNumbered(pair.id, 'pair', index),
      left: pair.left,
      right: pair.right,
    })),
    distractors: authored.distractors ?? [],
    scoring: authored.scoring ?? 'per-item',
  };
}

function rightTexts(question: MatchingQuestion): string[] {
  return [...question.pairs.map((pair) => pair.right), ...question.distractors];
}

function answerKeyOf(layout: MatchingLayout): KeyedAnswerKey {
  return { keys: layout.left, values: layout.right, rightValueOf: (pairIndex) => pairIndex };
}

/** Response: `{ leftId: rightId }`; a left left out scores nothing. Credit is per correct pair. */
export const matching: QuestionTypeDefinition<
  MatchingQuestion,
  MatchingLayout,
  PublicMatchingQuestion,
  Record<string, string>
> = {
  layout(question, rng, options) {
    const left = arrange(question.pairs.length, options.shuffleChoices, 'l', rng);
    // Always shuffled: in authored order the right sides would line up with their left sides.
    const right = arrange(question.pairs.length + question.distractors.length, true, 'r', rng);
    const rights = rightTexts(question);
    return {
      type: 'matching',
      question,
      left,
      right,
      view: {
        ...publicBase(question),
        type: 'matching',
        left: publicItemsOf(left, (index) => ({ text: (question.pairs[index] as MatchingPair).left })),
        right: publicItemsOf(right, (index) => ({ text: rights[index] as string })),
      },
    };
  },
  checkResponse(view, value) {
    const ids = (side: { id: string }[]) => side.map((item) => item.id);
    return checkIdMap(value, ids(view.left), ids(view.right), 'left item', 'right item');
  },
  grade(layout, response) {
    const correct = countCorrectlyKeyed(response, answerKeyOf(layout));
    return {
      fraction: partsFraction(correct, layout.question.pairs.length, layout.question.scoring),
      feedback: [],
    };
  },
  correctAnswer(layout) {
    const { pairs } = layout.question;
    const response = correctKeyedResponse(pairs.length, answerKeyOf(layout));
    return { text: pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; '), response };
  },
};

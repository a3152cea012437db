import { z } from 'zod';
import { opaqueIds, seededOrder } from '../../shuffle.js';
import {
  type Arrangement,
  authoredIndexOf,
  normaliseBase,
  opaqueIdOf,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  rejectResponse,
  reportDuplicates,
  slugSchema,
  textSchema,
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip, textOf } from '../describe.js';
import { checkDistinctIds } from '../distinct-ids.js';
import { idOrNumbered } from '../numbered-id.js';
import { publicItemsOf } from '../public-items.js';

const orderingItemSchema = z.union(
  [textSchema, z.strictObject({ id: slugSchema.optional(), text: textSchema })],
  {
    error: 'must be text or { id, text }',
  },
);

type AuthoredOrderingItem = z.infer<typeof orderingItemSchema>;

function itemText(item: AuthoredOrderingItem): string {
  return typeof item === 'string' ? item : item.text;
}

function itemId(item: AuthoredOrderingItem, index: number): string {
  return idOrNumbered(typeof item === 'string' ? undefined : item.id, 'item', index);
}

/**
 * Moodle's ordering grading types: longest-subset (default) credits the longest run of items in the right
 * relative order; absolute-position credits each item in its right place; all-or-nothing only the whole order.
 */
export const ORDERING_SCORINGS = ['longest-subset', 'absolute-position', 'all-or-nothing'] as const;
export type OrderingScoring = (typeof ORDERING_SCORINGS)[number];

export const orderingSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('ordering'),
    prompt: textSchema,
    scoring: z
      .enum(ORDERING_SCORINGS, { error: `must be one of: ${ORDERING_SCORINGS.join(', ')}` })
      .optional(),
    /** In the correct order. */
    items: z.array(orderingItemSchema).min(2, { error: 'an ordering question needs at least 2 items' }),
  })
  .superRefine((question, ctx) => {
    reportDuplicates(question.items.map(itemText), ctx, (index) => ['items', index], 'item');
    reportDuplicates(question.items.map(itemId), ctx, (index) => ['items', index, 'id'], 'item id');
  });

export interface OrderingItem {
  id: string;
  text: string;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the correct order. */
  items: OrderingItem[];
  scoring: OrderingScoring;
}

export interface PublicOrderingQuestion extends PublicQuestionBase {
  type: 'ordering';
  /** In a seeded order that is never the solution. */
  items: { id: string; text: string }[];
}

export function normaliseOrdering(authored: z.infer<typeof orderingSchema>): OrderingQuestion {
  return {
    ...normaliseBase(authored),
    type: 'ordering',
    items: authored.items.map((item, index) => ({ id: itemId(item, index), text: itemText(item) })),
    scoring: authored.scoring ?? 'longest-subset',
  };
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasingSubsequence(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tails[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
  }
  return tails.length;
}

/** `positions[shown]` is the authored index the learner put at `shown`; every item is placed once. */
export function orderingFraction(positions: readonly number[], scoring: OrderingScoring): number {
  const inPlace = positions.filter((authoredIndex, position) => authoredIndex === position).length;
  switch (scoring) {
    case 'all-or-nothing':
      return inPlace === positions.length ? 1 : 0;
    case 'absolute-position':
      return inPlace / positions.length;
    case 'longest-subset': {
      const run = longestIncreasingSubsequence(positions);
      return run < 2 ? 0 : run / positions.length;
    }
  }
}

/**
 * Response: every item id, each once, in the learner's order. Credit is the longest run of items in the
 * right relative order, over the item count; a lone item proves nothing, so it earns nothing.
 */
export const ordering = defineQuestionType<OrderingQuestion, Arrangement, PublicOrderingQuestion, string[]>({
  type: 'ordering',
  schema: orderingSchema,
  normalise: normaliseOrdering,
  arrange(question, rng) {
    const count = question.items.length;
    // Always shuffled, whatever shuffleChoices says: the authored order is the answer.
    let order = seededOrder(count, rng);
    if (order.every((authoredIndex, position) => authoredIndex === position)) order = order.reverse();
    return { ids: opaqueIds(count, 'i', rng), order };
  },
  view(question, items) {
    return {
      ...publicBase(question),
      type: 'ordering',
      items: publicItemsOf(items, (authoredIndex) => ({
        text: (question.items[authoredIndex] as OrderingItem).text,
      })),
    };
  },
  checkResponse(view, value) {
    const checked = checkDistinctIds(value, view.items, 'item', (id) => `item '${id}' appears twice`);
    if (checked.ok && checked.value.length !== view.items.length) {
      return rejectResponse(
        'incomplete',
        `place all ${view.items.length} items (got ${checked.value.length})`,
      );
    }
    return checked;
  },
  grade(question, items, response) {
    const positions = response.map((id) => authoredIndexOf(items, id) ?? -1);
    return { fraction: orderingFraction(positions, question.scoring), feedback: [] };
  },
  correctAnswer(question, items) {
    return {
      text: question.items.map((item) => item.text).join(' → '),
      response: question.items.map((_, index) => opaqueIdOf(items, index)),
    };
  },
  describeResponse(view, response) {
    return clip(response.map((id) => textOf(view.items, id)).join(' → '));
  },
});

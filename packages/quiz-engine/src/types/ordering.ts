import { z } from 'zod';
import { opaqueIds, seededOrder } from '../shuffle.js';
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
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';
import { checkDistinctIds } from './distinct-ids.js';
import { idOrNumbered } from './numbered-id.js';
import { publicItemsOf } from './public-items.js';

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

export const orderingSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('ordering'),
    prompt: textSchema,
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
}

export interface PublicOrderingQuestion extends PublicQuestionBase {
  type: 'ordering';
  /** In a seeded order that is never the solution. */
  items: { id: string; text: string }[];
}

export interface OrderingLayout {
  type: 'ordering';
  question: OrderingQuestion;
  view: PublicOrderingQuestion;
  items: Arrangement;
}

export function normaliseOrdering(authored: z.infer<typeof orderingSchema>): OrderingQuestion {
  return {
    ...normaliseBase(authored),
    type: 'ordering',
    items: authored.items.map((item, index) => ({ id: itemId(item, index), text: itemText(item) })),
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

/**
 * Response: every item id, each once, in the learner's order. Credit is the longest run of items in the
 * right relative order, over the item count; a lone item proves nothing, so it earns nothing.
 */
export const ordering: QuestionTypeDefinition<
  OrderingQuestion,
  OrderingLayout,
  PublicOrderingQuestion,
  string[]
> = {
  layout(question, rng) {
    const count = question.items.length;
    // Always shuffled, whatever shuffleChoices says: the authored order is the answer.
    let order = seededOrder(count, rng);
    if (order.every((authoredIndex, position) => authoredIndex === position)) order = order.reverse();
    const items: Arrangement = { ids: opaqueIds(count, 'i', rng), order };
    return {
      type: 'ordering',
      question,
      items,
      view: {
        ...publicBase(question),
        type: 'ordering',
        items: publicItemsOf(items, (authoredIndex) => ({
          text: (question.items[authoredIndex] as OrderingItem).text,
        })),
      },
    };
  },
  checkResponse(view, value) {
    const ids = view.items.map((item) => item.id);
    const checked = checkDistinctIds(value, ids, 'item', (id) => `item '${id}' appears twice`);
    if (checked.ok && checked.value.length !== ids.length) {
      return rejectResponse('incomplete', `place all ${ids.length} items (got ${checked.value.length})`);
    }
    return checked;
  },
  grade(layout, response) {
    const positions = response.map((id) => authoredIndexOf(layout.items, id) ?? -1);
    const run = longestIncreasingSubsequence(positions);
    return { fraction: run < 2 ? 0 : run / layout.question.items.length, feedback: [] };
  },
  correctAnswer(layout) {
    const { items } = layout.question;
    return {
      text: items.map((item) => item.text).join(' → '),
      response: items.map((_, index) => opaqueIdOf(layout.items, index)),
    };
  },
};

import { z } from 'zod';
import {
  type Arrangement,
  arrange,
  idsOf,
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
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip, textOf } from '../describe.js';
import {
  checkIdMap,
  correctKeyedResponse,
  countCorrectlyKeyed,
  type KeyedAnswerKey,
} from '../keyed-response.js';
import { idOrNumbered } from '../numbered-id.js';
import { publicItemsOf } from '../public-items.js';

export const categoriseSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('categorise'),
    prompt: textSchema,
    /** per-item (default): a share per right item; all-or-nothing: points only when all are right. */
    scoring: partScoringSchema.optional(),
    categories: z
      .array(z.strictObject({ id: slugSchema, label: textSchema }))
      .min(2, { error: 'a categorise question needs at least 2 categories' }),
    items: z
      .array(z.strictObject({ id: slugSchema.optional(), text: textSchema, category: slugSchema }))
      .min(1, { error: 'a categorise question needs at least 1 item' }),
  })
  .superRefine((question, ctx) => {
    const categoryIds = question.categories.map((category) => category.id);
    reportDuplicates(categoryIds, ctx, (index) => ['categories', index, 'id'], 'category id');
    reportDuplicates(
      question.categories.map((category) => category.label),
      ctx,
      (index) => ['categories', index, 'label'],
      'category label',
    );
    reportDuplicates(
      question.items.map((item, index) => idOrNumbered(item.id, 'item', index)),
      ctx,
      (index) => ['items', index, 'id'],
      'item id',
    );
    reportDuplicates(
      question.items.map((item) => item.text),
      ctx,
      (index) => ['items', index, 'text'],
      'item',
    );
    question.items.forEach((item, index) => {
      if (!categoryIds.includes(item.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'category'],
          message: `unknown category '${item.category}'; use one of: ${categoryIds.join(', ')}`,
        });
      }
    });
  });

export interface Category {
  id: string;
  label: string;
}

export interface CategoriseItem {
  id: string;
  text: string;
  /** The id of the category it belongs in. */
  category: string;
}

export interface CategoriseQuestion extends QuestionBase {
  type: 'categorise';
  categories: Category[];
  items: CategoriseItem[];
  scoring: PartScoring;
}

export interface PublicCategoriseQuestion extends PublicQuestionBase {
  type: 'categorise';
  categories: { id: string; label: string }[];
  items: { id: string; text: string }[];
}

/** Categories and items as shown in one attempt. */
export interface CategoriseArrangement {
  categories: Arrangement;
  items: Arrangement;
}

export function normaliseCategorise(authored: z.infer<typeof categoriseSchema>): CategoriseQuestion {
  return {
    ...normaliseBase(authored),
    type: 'categorise',
    categories: authored.categories.map((category) => ({ id: category.id, label: category.label })),
    items: authored.items.map((item, index) => ({
      id: idOrNumbered(item.id, 'item', index),
      text: item.text,
      category: item.category,
    })),
    scoring: authored.scoring ?? 'per-item',
  };
}

/** What grading needs of a categorise question, made once per parsed quiz. */
export interface PreparedCategorise {
  /** Each category with its items: the correct answer's text. */
  text: string;
  /** `rightValues[itemIndex]`: the authored index of the item's category. */
  rightValues: readonly number[];
}

function answerKeyOf(arrangement: CategoriseArrangement, prepared: PreparedCategorise): KeyedAnswerKey {
  return { keys: arrangement.items, values: arrangement.categories, rightValues: prepared.rightValues };
}

/** Response: `{ itemId: categoryId }`; an item left unsorted scores nothing. Credit is per item (or all-or-nothing). */
export const categorise = defineQuestionType<
  CategoriseQuestion,
  CategoriseArrangement,
  PublicCategoriseQuestion,
  Record<string, string>,
  PreparedCategorise,
  { itemIds: readonly string[]; categoryIds: readonly string[] }
>({
  type: 'categorise',
  schema: categoriseSchema,
  normalise: normaliseCategorise,
  arrange(question, rng, options) {
    const categories = arrange(question.categories.length, false, 'k', rng);
    const items = arrange(question.items.length, options.shuffleChoices, 'i', rng);
    return { categories, items };
  },
  view(question, arrangement) {
    return {
      ...publicBase(question),
      type: 'categorise',
      categories: publicItemsOf(arrangement.categories, (index) => ({
        label: (question.categories[index] as Category).label,
      })),
      items: publicItemsOf(arrangement.items, (index) => ({
        text: (question.items[index] as CategoriseItem).text,
      })),
    };
  },
  shownInView: (view) => ({ itemIds: idsOf(view.items), categoryIds: idsOf(view.categories) }),
  shownInArrangement: (_question, { items, categories }) => ({
    itemIds: items.ids,
    categoryIds: categories.ids,
  }),
  checkResponse(shown, value) {
    return checkIdMap(value, shown.itemIds, shown.categoryIds, 'item', 'category');
  },
  grade(question, arrangement, response, prepared) {
    const correct = countCorrectlyKeyed(response, answerKeyOf(arrangement, prepared));
    return { fraction: partsFraction(correct, question.items.length, question.scoring), feedback: [] };
  },
  prepare: (question) =>
    Object.freeze({
      text: question.categories
        .map((category) => {
          const members = question.items
            .filter((item) => item.category === category.id)
            .map((item) => item.text);
          return `${category.label}: ${members.length === 0 ? '(none)' : members.join(', ')}`;
        })
        .join('; '),
      rightValues: Object.freeze(
        question.items.map((item) =>
          question.categories.findIndex((category) => category.id === item.category),
        ),
      ),
    }),
  correctAnswer(_question, arrangement, prepared, response) {
    return {
      text: prepared.text,
      response: correctKeyedResponse(answerKeyOf(arrangement, prepared), response),
    };
  },
  describeResponse(view, response) {
    return clip(
      Object.entries(response)
        .map(([item, category]) => {
          const label = view.categories.find((candidate) => candidate.id === category)?.label ?? '?';
          return `${textOf(view.items, item)}: ${label}`;
        })
        .sort()
        .join('; '),
    );
  },
});

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

export interface CategoriseLayout {
  type: 'categorise';
  question: CategoriseQuestion;
  view: PublicCategoriseQuestion;
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

function categoryIndexOfItem(question: CategoriseQuestion, itemIndex: number): number {
  const item = question.items[itemIndex] as CategoriseItem;
  return question.categories.findIndex((category) => category.id === item.category);
}

function answerKeyOf(layout: CategoriseLayout): KeyedAnswerKey {
  return {
    keys: layout.items,
    values: layout.categories,
    rightValueOf: (itemIndex) => categoryIndexOfItem(layout.question, itemIndex),
  };
}

/** Response: `{ itemId: categoryId }`; an item left unsorted scores nothing. Credit is per item. */
export const categorise: QuestionTypeDefinition<
  CategoriseQuestion,
  CategoriseLayout,
  PublicCategoriseQuestion,
  Record<string, string>
> = {
  layout(question, rng, options) {
    const categories = arrange(question.categories.length, false, 'k', rng);
    const items = arrange(question.items.length, options.shuffleChoices, 'i', rng);
    return {
      type: 'categorise',
      question,
      categories,
      items,
      view: {
        ...publicBase(question),
        type: 'categorise',
        categories: publicItemsOf(categories, (index) => ({
          label: (question.categories[index] as Category).label,
        })),
        items: publicItemsOf(items, (index) => ({ text: (question.items[index] as CategoriseItem).text })),
      },
    };
  },
  checkResponse(view, value) {
    return checkIdMap(
      value,
      view.items.map((item) => item.id),
      view.categories.map((category) => category.id),
      'item',
      'category',
    );
  },
  grade(layout, response) {
    const correct = countCorrectlyKeyed(response, answerKeyOf(layout));
    return {
      fraction: partsFraction(correct, layout.question.items.length, layout.question.scoring),
      feedback: [],
    };
  },
  correctAnswer(layout) {
    const { question } = layout;
    const response = correctKeyedResponse(question.items.length, answerKeyOf(layout));
    const text = question.categories
      .map((category) => {
        const members = question.items
          .filter((item) => item.category === category.id)
          .map((item) => item.text);
        return `${category.label}: ${members.length === 0 ? '(none)' : members.join(', ')}`;
      })
      .join('; ');
    return { text, response };
  },
};

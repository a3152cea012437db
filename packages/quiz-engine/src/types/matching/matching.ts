import { z } from 'zod';
import { defaultIds } from '../../gift/meta.js';
import { escapeGift } from '../../gift/text.js';
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

/** Left sides and right sides (the pairs' then the distractors') as shown in one attempt. */
export interface MatchingArrangement {
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

/** What grading needs of a matching question, made once per parsed quiz. */
export interface PreparedMatching {
  /** The pairs as text: the correct answer's text. */
  text: string;
  /** Pair i's left side goes with right side i. */
  rightValues: readonly number[];
}

function answerKeyOf(arrangement: MatchingArrangement, prepared: PreparedMatching): KeyedAnswerKey {
  return { keys: arrangement.left, values: arrangement.right, rightValues: prepared.rightValues };
}

/** GIFT reads a matching pair's answer with Moodle's `&&058;`-style placeholders for escaped characters. */
function decodeEscapes(text: string): string {
  return text.replace(/&&(\d{2,3});/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Response: `{ leftId: rightId }`; a left left out scores nothing. Credit is per correct pair (or all-or-nothing). */
export const matching = defineQuestionType<
  MatchingQuestion,
  MatchingArrangement,
  PublicMatchingQuestion,
  Record<string, string>,
  PreparedMatching,
  { leftIds: readonly string[]; rightIds: readonly string[] }
>({
  type: 'matching',
  schema: matchingSchema,
  normalise: normaliseMatching,
  arrange(question, rng, options) {
    const left = arrange(question.pairs.length, options.shuffleChoices, 'l', rng);
    // Always shuffled: in authored order the right sides would line up with their left sides.
    const right = arrange(question.pairs.length + question.distractors.length, true, 'r', rng);
    return { left, right };
  },
  view(question, { left, right }) {
    const rights = rightTexts(question);
    return {
      ...publicBase(question),
      type: 'matching',
      left: publicItemsOf(left, (index) => ({ text: (question.pairs[index] as MatchingPair).left })),
      right: publicItemsOf(right, (index) => ({ text: rights[index] as string })),
    };
  },
  shownInView: (view) => ({ leftIds: idsOf(view.left), rightIds: idsOf(view.right) }),
  shownInArrangement: (_question, { left, right }) => ({ leftIds: left.ids, rightIds: right.ids }),
  checkResponse(shown, value) {
    return checkIdMap(value, shown.leftIds, shown.rightIds, 'left item', 'right item');
  },
  grade(question, arrangement, response, prepared) {
    const correct = countCorrectlyKeyed(response, answerKeyOf(arrangement, prepared));
    return { fraction: partsFraction(correct, question.pairs.length, question.scoring), feedback: [] };
  },
  prepare: (question) =>
    Object.freeze({
      text: question.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; '),
      rightValues: Object.freeze(question.pairs.map((_, index) => index)),
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
        .map(([left, right]) => `${textOf(view.left, left)} → ${textOf(view.right, right)}`)
        .sort()
        .join('; '),
    );
  },
  gift: {
    read(item) {
      if (item.type !== 'Matching') return undefined;
      const pairs = item.matchPairs.filter((pair) => pair.subquestion.text !== '');
      const distractors = item.matchPairs
        .filter((pair) => pair.subquestion.text === '')
        .map((pair) => pair.subanswer);
      const question: Record<string, unknown> = {
        type: 'matching',
        pairs: pairs.map((pair) => ({ left: pair.subquestion.text, right: decodeEscapes(pair.subanswer) })),
      };
      if (distractors.length > 0) question.distractors = distractors.map(decodeEscapes);
      return { ok: true, question };
    },
    write(question) {
      if (question.pairs.some((pair) => pair.left.includes('->'))) {
        return { ok: false, message: "a left-hand side contains '->', which GIFT uses to separate pairs" };
      }
      const meta: Record<string, unknown> = {};
      const ids = question.pairs.map((pair) => pair.id);
      if (ids.join('\u0000') !== defaultIds('pair', ids.length).join('\u0000')) meta.pairIds = ids;
      // Moodle's matching question always credits each pair; all-or-nothing travels in the comment.
      if (question.scoring !== 'per-item') meta.scoring = question.scoring;
      const lines = [
        ...question.pairs.map((pair) => `\t=${escapeGift(pair.left)} -> ${escapeGift(pair.right)}`),
        ...question.distractors.map((text) => `\t= -> ${escapeGift(text)}`),
      ];
      return { ok: true, meta, answers: lines.join('\n'), pairs: true };
    },
  },
});

import { z } from 'zod';
import { assignIds, joinAroundBlank } from '../../gift/meta.js';
import { choiceIdsMeta, escapeGift, singleChoiceAnswer } from '../../gift/text.js';
import { normaliseAnswer } from '../../normalise.js';
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
  arrange,
  authoredIndexOf,
  checkOneOf,
  checkText,
  clampFraction,
  describe,
  type FeedbackItem,
  idsOf,
  isPlainRecord,
  MAX_SHORT_RESPONSE_LENGTH,
  normaliseBase,
  opaqueIdOf,
  type PublicQuestionBase,
  preview,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  rejectResponse,
  slugSchema,
  textSchema,
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { clip, textOf } from '../describe.js';
import { keyedAnswerKeys } from '../keyed-response.js';
import { recordForOpaqueIds } from '../opaque-record.js';
import {
  type AcceptedAnswer,
  acceptedAnswerGift,
  acceptedAnswerSchema,
  bestAcceptedAnswer,
  checkAcceptedAnswers,
  matchShortAnswer,
  normaliseAcceptedAnswers,
  type PreparedAnswers,
  prepareAnswers,
} from '../short/short.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const blankSchema = z.strictObject({
  accept: z.array(acceptedAnswerSchema).min(1, { error: 'list at least one accepted answer' }).optional(),
  pattern: textSchema.optional(),
  choices: z.array(choiceSchema).min(2, { error: 'a choice blank needs at least 2 choices' }).optional(),
});

export const clozeSchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('cloze'),
    prompt: textSchema.optional(),
    /** Passage with `{{blank-id}}` placeholders. */
    text: textSchema,
    blanks: z.record(slugSchema, blankSchema),
  })
  .superRefine((question, ctx) => {
    const used = new Map<string, number>();
    for (const match of question.text.matchAll(PLACEHOLDER)) {
      const id = match[1] as string;
      used.set(id, (used.get(id) ?? 0) + 1);
      if (!Object.hasOwn(question.blanks, id)) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${id}}} has no entry under blanks` });
      } else if (used.get(id) === 2) {
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: `{{${id}}} appears more than once; give each blank its own id`,
        });
      }
    }
    if (used.size === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'no blanks: mark each one in the text as {{blank-id}}',
      });
    }
    for (const [id, blank] of Object.entries(question.blanks)) {
      const path = ['blanks', id];
      if (!used.has(id))
        ctx.addIssue({ code: 'custom', path, message: `blank '${id}' is not used in the text as {{${id}}}` });
      if ((blank.accept === undefined) === (blank.choices === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message:
            'a blank has either accept: [...] (typed answer) or choices: [...] (pick one), not both or neither',
        });
        continue;
      }
      if (blank.choices !== undefined) {
        const weighted = usesWeights(blank.choices);
        const correct = blank.choices.filter(
          (choice) => choice.correct === true || (weighted && choice.weight === 100),
        ).length;
        if (weighted ? correct === 0 : correct !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'choices'],
            message: `a choice blank needs exactly one choice with correct: true (found ${correct})`,
          });
        }
        if (blank.pattern !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'pattern'],
            message: 'pattern applies to typed blanks only',
          });
        }
        checkChoices(blank.choices, ctx, [...path, 'choices']);
      }
      if (blank.accept !== undefined) checkAcceptedAnswers(blank.accept, blank.pattern, ctx, path);
    }
  });

export type ClozeBlank =
  | { id: string; kind: 'text'; accept: AcceptedAnswer[]; pattern?: string }
  | { id: string; kind: 'choice'; choices: Choice[] };

export interface ClozeQuestion extends QuestionBase {
  type: 'cloze';
  /** Passage with `{{blank-id}}` placeholders. */
  text: string;
  /** In the order they appear in the text. */
  blanks: ClozeBlank[];
}

export type PublicClozeBlank =
  | { id: string; kind: 'text'; maxLength: number }
  | { id: string; kind: 'choice'; choices: PublicChoice[] };

export interface PublicClozeQuestion extends PublicQuestionBase {
  type: 'cloze';
  /** Passage whose placeholders name the public blank ids: `{{b1x9k2a}}`. */
  text: string;
  blanks: PublicClozeBlank[];
}

/** Blanks and each choice blank's choices as shown in one attempt. */
export interface ClozeArrangement {
  blanks: Arrangement;
  /** Choice arrangement per authored blank index (text blanks have none). */
  choices: (Arrangement | undefined)[];
}

/** The passage cut at its blanks once per parsed quiz, and each text blank's prepared answers. */
export interface PreparedCloze {
  /** `pieces[i]` comes before blank i; the last piece follows the last blank. */
  pieces: readonly string[];
  answers: readonly (PreparedAnswers | undefined)[];
  /** Per blank: the authored index of its full-credit choice, or its best accepted answer's text. */
  keys: readonly (number | string)[];
  /** The passage with every blank filled with its answer. */
  answerText: string;
}

export function normaliseCloze(authored: z.infer<typeof clozeSchema>): ClozeQuestion {
  const order = [...authored.text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  const blanks = order.map((id): ClozeBlank => {
    const blank = authored.blanks[id] as z.infer<typeof blankSchema>;
    if (blank.choices !== undefined) return { id, kind: 'choice', choices: normaliseChoices(blank.choices) };
    const text: ClozeBlank = { id, kind: 'text', accept: normaliseAcceptedAnswers(blank.accept ?? []) };
    if (blank.pattern !== undefined) text.pattern = blank.pattern;
    return text;
  });
  const text = authored.text.replace(PLACEHOLDER, (_, id: string) => `{{${id}}}`);
  return { ...normaliseBase(authored), type: 'cloze', text, blanks };
}

type ClozeResponse = Record<string, string>;

/** A blank as a response may name it: typed (no choices) or one of the choices shown. */
export interface ShownBlank {
  id: string;
  choiceIds?: readonly string[];
}

function passage(pieces: readonly string[], fill: (index: number) => string): string {
  let text = pieces[0] as string;
  for (let index = 1; index < pieces.length; index += 1) text += fill(index - 1) + (pieces[index] as string);
  return text;
}

/** Response: `{ blankId: text }`, where a choice blank's text is one of its choice ids. Credit is per blank. */
export const cloze = defineQuestionType<
  ClozeQuestion,
  ClozeArrangement,
  PublicClozeQuestion,
  ClozeResponse,
  PreparedCloze,
  readonly ShownBlank[]
>({
  type: 'cloze',
  schema: clozeSchema,
  normalise: normaliseCloze,
  prepare(question) {
    // Normalised texts hold every blank once, in order, as {{id}}.
    const pieces = question.text.split(PLACEHOLDER).filter((_, index) => index % 2 === 0);
    const keys = question.blanks.map((blank) =>
      blank.kind === 'choice'
        ? blank.choices.findIndex((choice) => choice.weight >= 1)
        : bestAcceptedAnswer(blank.accept).text,
    );
    const answers = question.blanks.map((blank, index) => {
      const key = keys[index] as number | string;
      return blank.kind === 'choice' ? (blank.choices[key as number] as Choice).text : (key as string);
    });
    return Object.freeze({
      keys: Object.freeze(keys),
      answerText: passage(pieces, (index) => `[${answers[index]}]`),
      pieces: Object.freeze(pieces),
      answers: Object.freeze(
        question.blanks.map((blank) =>
          blank.kind === 'text' ? prepareAnswers(blank.accept, blank.pattern) : undefined,
        ),
      ),
    });
  },
  arrange(question, rng, options) {
    const blanks = arrange(question.blanks.length, false, 'b', rng);
    const choices = question.blanks.map((blank) =>
      blank.kind === 'choice' ? arrangeChoices(blank.choices, options.shuffleChoices, rng) : undefined,
    );
    return { blanks, choices };
  },
  view(question, arrangement, prepared) {
    const { blanks, choices } = arrangement;
    const publicBlanks = question.blanks.map((blank, index): PublicClozeBlank => {
      const id = blanks.ids[index] as string;
      const shown = choices[index];
      return blank.kind === 'choice' && shown !== undefined
        ? { id, kind: 'choice', choices: publicChoices(blank.choices, shown) }
        : { id, kind: 'text', maxLength: MAX_SHORT_RESPONSE_LENGTH };
    });
    return {
      ...publicBase(question),
      type: 'cloze',
      text: passage(prepared.pieces, (index) => `{{${blanks.ids[index]}}}`),
      blanks: publicBlanks,
    };
  },
  shownInView: (view) =>
    view.blanks.map((blank) =>
      blank.kind === 'choice' ? { id: blank.id, choiceIds: idsOf(blank.choices) } : { id: blank.id },
    ),
  shownInArrangement: (question, { blanks, choices }) =>
    question.blanks.map((blank, index) => {
      const id = blanks.ids[index] as string;
      return blank.kind === 'choice' ? { id, choiceIds: (choices[index] as Arrangement).ids } : { id };
    }),
  checkResponse(shown, value) {
    if (!isPlainRecord(value))
      return rejectResponse('wrong-type', `expected an object of blank id → answer, got ${describe(value)}`);
    const result: ClozeResponse = recordForOpaqueIds();
    for (const key of Object.keys(value)) {
      const index = shown.findIndex((blank) => blank.id === key);
      const blank = shown[index];
      if (blank === undefined)
        return rejectResponse('unknown-id', `'${preview(key)}' is not a blank of this question`);
      const checked =
        blank.choiceIds === undefined
          ? checkText(value[key], MAX_SHORT_RESPONSE_LENGTH)
          : checkOneOf(value[key], blank.choiceIds, 'choice');
      if (!checked.ok)
        return {
          ok: false,
          error: { ...checked.error, message: `blank ${index + 1}: ${checked.error.message}` },
        };
      result[key] = checked.value;
    }
    return { ok: true, value: result };
  },
  grade(question, arrangement, response, prepared) {
    const { blanks } = question;
    let correct = 0;
    const feedback: FeedbackItem[] = [];
    // Each answer by its blank's position, from the response's own keys: looking the arrangement's fresh
    // id strings up in the response would make V8 search its string table for each.
    const answers: (string | undefined)[] = [];
    for (let index = 0; index < blanks.length; index += 1) answers.push(undefined);
    for (const blankId in response) {
      const position = arrangement.blanks.ids.indexOf(blankId);
      if (position !== -1) answers[position] = response[blankId];
    }
    // Blanks are never shuffled: position i shows authored blank i.
    for (let index = 0; index < blanks.length; index += 1) {
      const blank = blanks[index] as ClozeBlank;
      const answer = answers[index];
      if (answer === undefined) continue;
      if (blank.kind === 'choice') {
        const choice =
          blank.choices[authoredIndexOf(arrangement.choices[index] as Arrangement, answer) ?? -1];
        correct += clampFraction(choice?.weight ?? 0);
        if (choice?.feedback !== undefined) feedback.push({ text: choice.feedback, choiceId: answer });
        continue;
      }
      const match = matchShortAnswer(answer, blank.accept, prepared.answers[index] as PreparedAnswers);
      correct += match.fraction;
      if (match.answer?.feedback !== undefined) feedback.push({ text: match.answer.feedback });
    }
    return { fraction: correct / blanks.length, feedback };
  },
  correctAnswer(question, arrangement, prepared, learnerResponse) {
    const response: ClozeResponse = recordForOpaqueIds();
    const blankIds = keyedAnswerKeys(arrangement.blanks.ids, learnerResponse);
    for (let index = 0; index < question.blanks.length; index += 1) {
      const key = prepared.keys[index] as number | string;
      response[blankIds[index] as string] =
        typeof key === 'number' ? opaqueIdOf(arrangement.choices[index] as Arrangement, key) : key;
    }
    return { text: prepared.answerText, response };
  },
  describeResponse(view, response) {
    const parts = view.blanks.map((blank) => {
      const given = response[blank.id];
      if (given === undefined) return '—';
      return blank.kind === 'choice' ? textOf(blank.choices, given) : normaliseAnswer(given);
    });
    return clip(parts.join(' | '));
  },
  gift: {
    // A missing-word question ("Two plus {=two} equals four") becomes a one-blank cloze.
    readEmbedded(authored, before, after) {
      const text = joinAroundBlank(before, '{{blank}}', after);
      if (authored.type === 'single')
        return {
          ok: true,
          question: { type: 'cloze', text, blanks: { blank: { choices: authored.choices } } },
        };
      if (authored.type === 'short')
        return {
          ok: true,
          question: { type: 'cloze', text, blanks: { blank: { accept: authored.accept } } },
        };
      return undefined;
    },
    applyMeta(authored, meta) {
      const { blank, choiceIds, ...rest } = meta;
      const blanks = authored.blanks as Record<string, Record<string, unknown>>;
      const only = blanks.blank as Record<string, unknown>;
      if (typeof blank === 'string') {
        authored.text = String(authored.text).replace('{{blank}}', `{{${blank}}}`);
        authored.blanks = { [blank]: only };
      }
      assignIds(only.choices, choiceIds);
      return rest;
    },
    write(question) {
      const blank = question.blanks[0];
      if (question.blanks.length !== 1 || blank === undefined) {
        return {
          ok: false,
          message: 'GIFT can only write a cloze with exactly one blank (a missing-word question)',
        };
      }
      const placeholder = `{{${blank.id}}}`;
      const [before = '', after = ''] = question.text.split(placeholder);
      if (after.trim() === '' || joinAroundBlank(before, placeholder, after) !== question.text) {
        return {
          ok: false,
          message:
            'GIFT needs text after the blank and single spaces around it (no space before punctuation)',
        };
      }
      const meta: Record<string, unknown> = {};
      if (blank.id !== 'blank') meta.blank = blank.id;
      if (question.prompt !== '') meta.prompt = question.prompt;
      let answers: string;
      if (blank.kind === 'choice') {
        choiceIdsMeta(blank.choices, meta);
        answers = blank.choices.map(singleChoiceAnswer).join(' ');
      } else {
        if (blank.pattern !== undefined)
          return { ok: false, message: 'GIFT cannot carry the pattern of a cloze blank' };
        answers = blank.accept.map(acceptedAnswerGift).join(' ');
      }
      return {
        ok: true,
        meta,
        answers,
        around: { before: escapeGift(before.trimEnd()), after: escapeGift(after.trimStart()) },
      };
    },
  },
});

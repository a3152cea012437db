import { z } from 'zod';
import {
  arrangeChoices,
  type Choice,
  checkChoices,
  choiceSchema,
  normaliseChoices,
  type PublicChoice,
  publicChoices,
  usesWeights,
} from './choices.js';
import {
  type Arrangement,
  arrange,
  authoredIndexOf,
  checkOneOf,
  checkText,
  clampFraction,
  describe,
  type FeedbackItem,
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
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';
import {
  type AcceptedAnswer,
  acceptedAnswerSchema,
  bestAcceptedAnswer,
  checkAcceptedAnswers,
  matchShortAnswer,
  normaliseAcceptedAnswers,
} from './short.js';

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

export interface ClozeLayout {
  type: 'cloze';
  question: ClozeQuestion;
  view: PublicClozeQuestion;
  blanks: Arrangement;
  /** Choice arrangement per authored blank index (text blanks have none). */
  choices: (Arrangement | undefined)[];
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

function fillBlanks(
  text: string,
  blanks: readonly ClozeBlank[],
  fill: (blank: ClozeBlank, index: number) => string,
) {
  return text.replace(PLACEHOLDER, (whole, id: string) => {
    const index = blanks.findIndex((blank) => blank.id === id);
    return index === -1 ? whole : fill(blanks[index] as ClozeBlank, index);
  });
}

type ClozeResponse = Record<string, string>;

/** Response: `{ blankId: text }`, where a choice blank's text is one of its choice ids. Credit is per blank. */
export const cloze: QuestionTypeDefinition<ClozeQuestion, ClozeLayout, PublicClozeQuestion, ClozeResponse> = {
  layout(question, rng, options) {
    const blanks = arrange(question.blanks.length, false, 'b', rng);
    const choices = question.blanks.map((blank) =>
      blank.kind === 'choice' ? arrangeChoices(blank.choices, options.shuffleChoices, rng) : undefined,
    );
    const publicBlanks = question.blanks.map((blank, index): PublicClozeBlank => {
      const id = blanks.ids[index] as string;
      const arrangement = choices[index];
      return blank.kind === 'choice' && arrangement !== undefined
        ? { id, kind: 'choice', choices: publicChoices(blank.choices, arrangement) }
        : { id, kind: 'text', maxLength: MAX_SHORT_RESPONSE_LENGTH };
    });
    return {
      type: 'cloze',
      question,
      blanks,
      choices,
      view: {
        ...publicBase(question),
        type: 'cloze',
        text: fillBlanks(question.text, question.blanks, (_, index) => `{{${blanks.ids[index]}}}`),
        blanks: publicBlanks,
      },
    };
  },
  checkResponse(view, value) {
    if (!isPlainRecord(value))
      return rejectResponse('wrong-type', `expected an object of blank id → answer, got ${describe(value)}`);
    const result: ClozeResponse = {};
    for (const key of Object.keys(value)) {
      const index = view.blanks.findIndex((blank) => blank.id === key);
      const blank = view.blanks[index];
      if (blank === undefined)
        return rejectResponse('unknown-id', `'${preview(key)}' is not a blank of this question`);
      const checked =
        blank.kind === 'text'
          ? checkText(value[key], blank.maxLength)
          : checkOneOf(
              value[key],
              blank.choices.map((choice) => choice.id),
              'choice',
            );
      if (!checked.ok)
        return {
          ok: false,
          error: { ...checked.error, message: `blank ${index + 1}: ${checked.error.message}` },
        };
      result[key] = checked.value;
    }
    return { ok: true, value: result };
  },
  grade(layout, response) {
    const { blanks } = layout.question;
    let correct = 0;
    const feedback: FeedbackItem[] = [];
    blanks.forEach((blank, index) => {
      const answer = response[opaqueIdOf(layout.blanks, index)];
      if (answer === undefined) return;
      if (blank.kind === 'choice') {
        const choice = blank.choices[authoredIndexOf(layout.choices[index] as Arrangement, answer) ?? -1];
        correct += clampFraction(choice?.weight ?? 0);
        if (choice?.feedback !== undefined) feedback.push({ text: choice.feedback, choiceId: answer });
        return;
      }
      const match = matchShortAnswer(answer, blank.accept, blank.pattern);
      correct += match.fraction;
      if (match.answer?.feedback !== undefined) feedback.push({ text: match.answer.feedback });
    });
    return { fraction: correct / blanks.length, feedback };
  },
  correctAnswer(layout) {
    const { question } = layout;
    const response: ClozeResponse = {};
    const answers = question.blanks.map((blank, index) => {
      const id = opaqueIdOf(layout.blanks, index);
      if (blank.kind === 'choice') {
        const choiceIndex = blank.choices.findIndex((choice) => choice.weight >= 1);
        response[id] = opaqueIdOf(layout.choices[index] as Arrangement, choiceIndex);
        return (blank.choices[choiceIndex] as Choice).text;
      }
      const first = bestAcceptedAnswer(blank.accept).text;
      response[id] = first;
      return first;
    });
    return {
      text: fillBlanks(question.text, question.blanks, (_, index) => `[${answers[index]}]`),
      response,
    };
  },
};

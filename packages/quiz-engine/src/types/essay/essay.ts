import { z } from 'zod';
import {
  checkText,
  MAX_ESSAY_LENGTH,
  mustBe,
  normaliseBase,
  type PublicQuestionBase,
  publicBase,
  type QuestionBase,
  questionBaseShape,
  textSchema,
} from '../common.js';
import { defineQuestionType } from '../definition.js';
import { ESSAY_NEEDS_HUMAN } from './marking.js';

const wordCount = z
  .number({ error: mustBe('a number') })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be greater than 0' });

const rubricCriterionSchema = z.strictObject({
  criterion: textSchema,
  points: z.number({ error: mustBe('a number') }).positive({ error: 'must be greater than 0' }),
});

export const essaySchema = z
  .strictObject({
    ...questionBaseShape,
    type: z.literal('essay'),
    prompt: textSchema,
    minWords: wordCount.optional(),
    maxWords: wordCount.optional(),
    rubric: z
      .array(rubricCriterionSchema)
      .min(1, { error: 'leave rubric out or give it at least one criterion' })
      .optional(),
    /** Teacher-only answer guidance. */
    guidance: textSchema.optional(),
  })
  .superRefine((question, ctx) => {
    if (
      question.minWords !== undefined &&
      question.maxWords !== undefined &&
      question.minWords > question.maxWords
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxWords'],
        message: `is less than minWords (${question.minWords})`,
      });
    }
    if (question.rubric !== undefined && question.points !== undefined) {
      const total = question.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
      if (Math.abs(total - question.points) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['points'],
          message: `is ${question.points} but the rubric adds up to ${total}; leave points out to use the rubric total`,
        });
      }
    }
  });

export interface RubricCriterion {
  criterion: string;
  points: number;
}

export interface EssayQuestion extends QuestionBase {
  type: 'essay';
  minWords?: number;
  maxWords?: number;
  rubric: RubricCriterion[];
  /** Teacher-only: never in the public form nor in a learner's grade result. */
  guidance?: string;
}

export interface PublicEssayQuestion extends PublicQuestionBase {
  type: 'essay';
  minWords?: number;
  maxWords?: number;
  maxLength: number;
  /** What the teacher will assess (criteria are not answers). */
  rubric: RubricCriterion[];
}

export function normaliseEssay(authored: z.infer<typeof essaySchema>): EssayQuestion {
  const rubric = authored.rubric ?? [];
  const base = normaliseBase(authored);
  if (authored.points === undefined && rubric.length > 0) {
    base.points = rubric.reduce((sum, criterion) => sum + criterion.points, 0);
  }
  const question: EssayQuestion = { ...base, type: 'essay', rubric };
  if (authored.minWords !== undefined) question.minWords = authored.minWords;
  if (authored.maxWords !== undefined) question.maxWords = authored.maxWords;
  if (authored.guidance !== undefined) question.guidance = authored.guidance;
  return question;
}

/** Response: the essay text (at most 50,000 characters). Collected for the teacher, never auto-graded. */
export const essay = defineQuestionType<EssayQuestion, undefined, PublicEssayQuestion, string>({
  type: 'essay',
  schema: essaySchema,
  normalise: normaliseEssay,
  needsHuman: ESSAY_NEEDS_HUMAN,
  arrange() {
    return undefined;
  },
  view(question) {
    const view: PublicEssayQuestion = {
      ...publicBase(question),
      type: 'essay',
      maxLength: MAX_ESSAY_LENGTH,
      rubric: question.rubric.map((criterion) => ({ ...criterion })),
    };
    if (question.minWords !== undefined) view.minWords = question.minWords;
    if (question.maxWords !== undefined) view.maxWords = question.maxWords;
    return view;
  },
  checkResponse(_view, value) {
    return checkText(value, MAX_ESSAY_LENGTH);
  },
  grade() {
    return { fraction: 0, feedback: [], needsReview: true };
  },
  correctAnswer() {
    return undefined;
  },
  describeResponse() {
    return null;
  },
  /** What the teacher will assess, in the learner's result. */
  resultDetails(question) {
    return { rubric: question.rubric.map((criterion) => ({ ...criterion })) };
  },
  gift: {
    read(item) {
      return item.type === 'Essay' ? { ok: true, question: { type: 'essay' } } : undefined;
    },
    write(question) {
      const meta: Record<string, unknown> = {};
      if (question.minWords !== undefined) meta.minWords = question.minWords;
      if (question.maxWords !== undefined) meta.maxWords = question.maxWords;
      if (question.rubric.length > 0) meta.rubric = question.rubric;
      if (question.guidance !== undefined) meta.guidance = question.guidance;
      const rubricTotal = question.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
      return { ok: true, meta, answers: '', derivedPoints: question.rubric.length > 0 ? rubricTotal : 1 };
    },
  },
});

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
} from './common.js';
import type { QuestionTypeDefinition } from './definition.js';

const wordCount = z
  .number({ error: mustBe('a number') })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be greater than 0' });

const rubricLevelSchema = z.strictObject({
  /** A short name for the level: "Excellent", "Secure", "Developing". */
  label: textSchema,
  points: z.number({ error: mustBe('a number') }).min(0, { error: 'must be 0 or more' }),
  /** What an answer at this level does; shown to learners with the rubric (a descriptor is not an answer). */
  descriptor: textSchema,
});

const rubricCriterionSchema = z
  .strictObject({
    criterion: textSchema,
    points: z.number({ error: mustBe('a number') }).positive({ error: 'must be greater than 0' }),
    /** Optional performance levels, so that a marker can place an answer rather than tick it. */
    levels: z
      .array(rubricLevelSchema)
      .min(2, { error: 'give at least two levels, or leave levels out' })
      .optional(),
  })
  .superRefine((criterion, ctx) => {
    if (criterion.levels === undefined) return;
    const labels = new Map<string, number>();
    criterion.levels.forEach((level, index) => {
      if (level.points > criterion.points) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'points'],
          message: `is ${level.points}, more than the criterion's ${criterion.points} point(s)`,
        });
      }
      const key = level.label.trim().toLowerCase();
      const earlier = labels.get(key);
      if (earlier === undefined) labels.set(key, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'label'],
          message: `'${level.label}' is also the label of level ${earlier + 1}; give each level its own label`,
        });
      }
    });
    const full = criterion.levels.filter((level) => level.points === criterion.points).length;
    if (full !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message:
          full === 0
            ? `no level is worth the criterion's full ${criterion.points} point(s); give the top level ${criterion.points}`
            : `${full} levels are worth the full ${criterion.points} point(s); only the top level should be`,
      });
    }
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

/** One performance level of a rubric criterion. */
export interface RubricLevel {
  label: string;
  /** From 0 to the criterion's points; exactly one level is worth the full points. */
  points: number;
  descriptor: string;
}

export interface RubricCriterion {
  criterion: string;
  points: number;
  /** Performance levels, when the rubric has them; public like the criteria (exemplars go in `guidance`). */
  levels?: RubricLevel[];
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

export interface EssayLayout {
  type: 'essay';
  question: EssayQuestion;
  view: PublicEssayQuestion;
}

function copyCriterion(criterion: RubricCriterion): RubricCriterion {
  const copy: RubricCriterion = { criterion: criterion.criterion, points: criterion.points };
  if (criterion.levels) copy.levels = criterion.levels.map((level) => ({ ...level }));
  return copy;
}

export function normaliseEssay(authored: z.infer<typeof essaySchema>): EssayQuestion {
  const rubric = (authored.rubric ?? []).map(copyCriterion);
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
export const essay: QuestionTypeDefinition<EssayQuestion, EssayLayout, PublicEssayQuestion, string> = {
  layout(question) {
    const view: PublicEssayQuestion = {
      ...publicBase(question),
      type: 'essay',
      maxLength: MAX_ESSAY_LENGTH,
      rubric: question.rubric.map(copyCriterion),
    };
    if (question.minWords !== undefined) view.minWords = question.minWords;
    if (question.maxWords !== undefined) view.maxWords = question.maxWords;
    return { type: 'essay', question, view };
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
};

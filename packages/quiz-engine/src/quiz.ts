import { z } from 'zod';
import { mustBe, slugSchema, textSchema } from './types/common.js';
import { type Question, questionSchema } from './types/registry.js';

export const BEHAVIOURS = ['deferred', 'immediate', 'interactive'] as const;
export type BehaviourName = (typeof BEHAVIOURS)[number];

/** Moodle's default: a third of the points lost per failed try. */
export const DEFAULT_INTERACTIVE_PENALTY = 1 / 3;
export const DEFAULT_INTERACTIVE_TRIES = 3;
export const DEFAULT_PASS_MARK = 50;

function poolSchemaOf<Q extends z.ZodType>(question: Q) {
  return z
    .strictObject({
      type: z.literal('pool'),
      id: slugSchema,
      draw: z
        .number({ error: mustBe('a number') })
        .int({ error: 'must be a whole number' })
        .positive({ error: 'must be at least 1' }),
      questions: z.array(question).min(1, { error: 'a pool needs at least one question' }),
    })
    .superRefine((pool, ctx) => {
      if (pool.draw > pool.questions.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['draw'],
          message: `draws ${pool.draw} but the pool holds only ${pool.questions.length} question(s)`,
        });
      }
    });
}

export const poolSchema = poolSchemaOf(questionSchema);

/**
 * The authored quiz shape for a set of question types: `question` is their discriminated union
 * (`questionSchemaOf`), each with its own `type` literal.
 */
export function quizSchemaOf<
  Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(question: z.ZodDiscriminatedUnion<Options>) {
  const entries: [...Options, ReturnType<typeof poolSchemaOf<z.ZodDiscriminatedUnion<Options>>>] = [
    ...question.options,
    poolSchemaOf(question),
  ];
  const quizEntrySchema = z.discriminatedUnion('type', entries);
  return z
    .strictObject({
      id: slugSchema,
      title: textSchema,
      behaviour: z.enum(BEHAVIOURS, { error: `must be one of: ${BEHAVIOURS.join(', ')}` }).optional(),
      tries: z
        .number({ error: mustBe('a number') })
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be at least 1' })
        .max(10, { error: 'must be at most 10' })
        .optional(),
      penalty: z
        .number({ error: mustBe('a number') })
        .min(0, { error: 'must be between 0 and 1' })
        .max(1, { error: 'must be between 0 and 1' })
        .optional(),
      passMark: z
        .number({ error: mustBe('a number') })
        .min(0, { error: 'must be a percentage from 0 to 100' })
        .max(100, { error: 'must be a percentage from 0 to 100' })
        .optional(),
      maxAttempts: z
        .number({ error: mustBe('a number') })
        .int({ error: 'must be a whole number' })
        .positive({ error: 'must be at least 1 (leave it out for unlimited attempts)' })
        .optional(),
      shuffleQuestions: z.boolean({ error: mustBe('true or false') }).optional(),
      shuffleChoices: z.boolean({ error: mustBe('true or false') }).optional(),
      questions: z.array(quizEntrySchema).min(1, { error: 'a quiz needs at least one question' }),
    })
    .superRefine((quiz, ctx) => {
      if ((quiz.behaviour ?? 'deferred') !== 'interactive') {
        for (const key of ['tries', 'penalty'] as const) {
          if (quiz[key] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'is only used with behaviour: interactive',
            });
          }
        }
      }
    });
}

/** The authored quiz shape (`quizzes/<id>.yaml`, see docs/course-format.md). Unknown keys are errors. */
export const quizSchema = quizSchemaOf(questionSchema);

export type AuthoredQuiz = z.input<typeof quizSchema>;

export interface QuestionPool {
  type: 'pool';
  id: string;
  /** How many of `questions` each attempt gets (seeded). */
  draw: number;
  questions: Question[];
}

export type QuizEntry = Question | QuestionPool;

/** A validated quiz with its answer key. Keep it on the server; send `toPublicQuiz(quiz, { seed })` instead. */
export interface Quiz {
  id: string;
  title: string;
  behaviour: BehaviourName;
  /** Tries per question (interactive); 1 for immediate; unused for deferred. */
  tries: number;
  /** Share of a question's points lost per failed try (interactive). */
  penalty: number;
  /** Percentage needed to pass. */
  passMark: number;
  maxAttempts?: number;
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  questions: QuizEntry[];
}

import type { GIFTQuestion } from 'gift-pegjs';
import type { RandomGenerator } from 'pure-rand';
import type { z } from 'zod';
import type { GiftMeta } from '../gift/meta.js';
import type { CorrectAnswer, PublicQuestionBase, QuestionBase, RawGrade, ResponseCheck } from './common.js';

export interface LayoutOptions {
  shuffleChoices: boolean;
}

/** What a learner's control holds before it is sent: the shapes `checkResponse` accepts. */
export type DraftResponse = string | boolean | string[] | Record<string, string> | undefined;

/** Every text a learner sees in one public question, for rendering Markdown on the server. */
export interface QuestionTexts {
  /** Prompts: may hold several paragraphs. */
  block: string[];
  /** Choices, items, labels: one line each. */
  inline: string[];
}

/** A GIFT question as gift-pegjs reads it (categories and descriptions are handled before). */
export type GiftQuestion = Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;

/** The answers part of one question as GIFT text, or why GIFT cannot carry it. */
export type GiftWritten =
  | {
      ok: true;
      answers: string;
      /** Fields GIFT has no syntax for, written in the `// coursekit: {...}` comment. */
      meta: GiftMeta;
      /** Answers inside the text: the text before and after them, already escaped. */
      around?: { before: string; after: string };
      /** Matching pairs: `->` in the answers is meant. */
      pairs?: boolean;
      /** The points `parseQuiz` derives when none are given (1 unless the type says otherwise). */
      derivedPoints?: number;
    }
  | { ok: false; message: string };

/** The authored question (without id, prompt and the fields every type shares), or why it cannot be read. */
export type GiftRead = { ok: true; question: Record<string, unknown> } | { ok: false; message: string };

/** How a type maps to Moodle GIFT, both ways. */
export interface GiftMapping<Question> {
  /** Reads a gift-pegjs question into this type's authored shape; undefined when it is not this type. */
  read?(item: GiftQuestion): GiftRead | undefined;
  /**
   * Answers written inside the text ("Grant is {~buried =entombed} in Grant's tomb."): turns another
   * type's authored question into this type, or undefined when it does not apply.
   */
  readEmbedded?(authored: Record<string, unknown>, before: string, after: string): GiftRead | undefined;
  write?(question: Question): GiftWritten;
  /** Takes the fields of the `// coursekit: {...}` comment only this type knows; returns the others. */
  applyMeta?(authored: Record<string, unknown>, meta: GiftMeta): GiftMeta;
}

/**
 * What a question type is, Moodle-style, in one place: its authored schema, its normal form, how it is
 * laid out for one seed (the arrangement) and shown (the public view), which responses are well formed,
 * how a response is scored and described, and how it maps to GIFT. Behaviours never look inside.
 *
 * `Prepared` is what the type derives once per parsed quiz to grade fast (answer keys, compiled patterns);
 * it is frozen with the quiz and never changes.
 */
export interface QuestionTypeDefinition<
  Question extends QuestionBase & { type: string },
  Arrangement,
  View extends PublicQuestionBase & { type: Question['type'] },
  Response,
  Prepared = undefined,
  Shown = View,
> {
  readonly type: Question['type'];
  /** The authored shape (a Zod object whose `type` is this type's literal); unknown keys are errors. */
  readonly schema: z.ZodType<unknown, { type: Question['type'] } & Record<string, unknown>>;
  /** From validated authored data to the normal form `parseQuiz` returns. */
  normalise(authored: never): Question;
  /** True for types a teacher marks by hand (essay): never auto-graded, no check before submission. */
  readonly needsHuman?: boolean;
  prepare?(question: Question): Prepared;
  /** The seeded arrangement: opaque ids and orders only. */
  arrange(question: Question, rng: RandomGenerator, options: LayoutOptions): Arrangement;
  /** What a browser may see: no correctness, weights, feedback or answer key. */
  view(question: Question, arrangement: Arrangement, prepared: Prepared): View;
  /**
   * What a response may refer to (the opaque ids shown, limits), from the public view: an app can check
   * input before it reaches the grader. Leave out to check against the view itself.
   */
  shownInView?(view: View): Shown;
  /** The same from the arrangement, so that grading never builds public views. */
  shownInArrangement?(question: Question, arrangement: Arrangement, prepared: Prepared): Shown;
  checkResponse(shown: Shown, value: unknown): ResponseCheck<Response>;
  grade(question: Question, arrangement: Arrangement, response: Response, prepared: Prepared): RawGrade;
  /**
   * `response` is the learner's checked response to this question, when there is one: a type may take
   * the strings of its keys for the same ids in the answer's response (see `keyedAnswerKeys`).
   */
  correctAnswer(
    question: Question,
    arrangement: Arrangement,
    prepared: Prepared,
    response?: Response,
  ): CorrectAnswer | undefined;
  /**
   * A short readable form of a checked response for item analysis: the same answer reads the same
   * whatever the shuffle (opaque ids turned back into shown texts). Null when there is nothing to show.
   */
  describeResponse(view: View, response: Response): string | null;
  /** Extra fields of a question's result (an essay's rubric). */
  resultDetails?(question: Question): Record<string, unknown>;
  readonly gift?: GiftMapping<Question>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every question and response type
export type AnyQuestionType = QuestionTypeDefinition<any, any, any, any, any, any>;

/** Gives a question type definition its precise types; the definition itself is returned as is. */
export function defineQuestionType<
  Question extends QuestionBase & { type: string },
  Arrangement,
  View extends PublicQuestionBase & { type: Question['type'] },
  Response,
  Prepared = undefined,
  Shown = View,
>(
  definition: QuestionTypeDefinition<Question, Arrangement, View, Response, Prepared, Shown>,
): QuestionTypeDefinition<Question, Arrangement, View, Response, Prepared, Shown> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: inference over a definition's type parameters
export type QuestionOf<D> = D extends QuestionTypeDefinition<infer Q, any, any, any, any, any> ? Q : never;
export type PublicQuestionOf<D> =
  // biome-ignore lint/suspicious/noExplicitAny: inference over a definition's type parameters
  D extends QuestionTypeDefinition<any, any, infer V, any, any, any> ? V : never;
// biome-ignore lint/suspicious/noExplicitAny: inference over a definition's type parameters
export type ResponseOf<D> = D extends QuestionTypeDefinition<any, any, any, infer R, any, any> ? R : never;

// The browser side of the question types: no schemas, grading or GIFT code, so pages that need only
// this stay light. Both entries export it (`@coursekit/quiz-engine` and `@coursekit/quiz-engine/react`).
import { categoriseClient } from './types/categorise/client.js';
import { clozeClient } from './types/cloze/client.js';
import type { DraftResponse, QuestionTexts } from './types/definition.js';
import { essayClient } from './types/essay/client.js';
import { matchingClient } from './types/matching/client.js';
import { multipleClient } from './types/multiple/client.js';
import { numericClient } from './types/numeric/client.js';
import { orderingClient } from './types/ordering/client.js';
import { shortClient } from './types/short/client.js';
import { singleClient } from './types/single/client.js';
import { truefalseClient } from './types/truefalse/client.js';

/** A public question as a browser holds it: its `type` names its client type. */
export interface ShownQuestion {
  type: string;
  id: string;
  prompt: string;
}

/** What a browser needs of a question type; each lives in its type's folder (`client.ts`). */
export interface ClientQuestionType<View> {
  type: string;
  /** A control's starting value (ordering lists start as shown, the rest empty). */
  initialResponse(view: View): DraftResponse;
  /** Every text a learner sees in one public question, for rendering Markdown on the server. */
  texts(view: View): QuestionTexts;
  /** True for types a teacher marks by hand (essay): no check before submission, no item analysis. */
  needsHuman?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: each client type takes its own public question
export type AnyClientType = ClientQuestionType<any>;

export const builtInClientTypes: readonly AnyClientType[] = Object.freeze([
  singleClient,
  multipleClient,
  truefalseClient,
  shortClient,
  numericClient,
  orderingClient,
  matchingClient,
  categoriseClient,
  clozeClient,
  essayClient,
]);

/** The client type of a question: one passed in `types` first, then the built-in one. */
export function clientTypeOf(question: { type: string }, types?: readonly AnyClientType[]): AnyClientType {
  const found =
    types?.find((candidate) => candidate.type === question.type) ??
    builtInClientTypes.find((candidate) => candidate.type === question.type);
  if (found === undefined) {
    throw new TypeError(`unknown question type '${question.type}': pass its client type in types`);
  }
  return found;
}

/** The starting value of a question's control. */
export function initialResponse(question: ShownQuestion, types?: readonly AnyClientType[]): DraftResponse {
  return clientTypeOf(question, types).initialResponse(question);
}

/** True for questions a teacher marks by hand (essays): they cannot be checked before submission. */
export function needsHuman(question: { type: string }, types?: readonly AnyClientType[]): boolean {
  return clientTypeOf(question, types).needsHuman === true;
}

/**
 * Every piece of Markdown a learner sees in a quiz's public form, so that a page can render them on the
 * server. Only the public form is read: nothing here can carry an answer or feedback.
 */
export function publicQuizTexts(
  quiz: { questions: readonly ShownQuestion[] },
  types?: readonly AnyClientType[],
): QuestionTexts {
  const block = new Set<string>();
  const inline = new Set<string>();
  for (const question of quiz.questions) {
    const texts = clientTypeOf(question, types).texts(question);
    for (const text of texts.block) if (text.trim() !== '') block.add(text);
    for (const text of texts.inline) if (text.trim() !== '') inline.add(text.trim());
  }
  return { block: [...block], inline: [...inline] };
}

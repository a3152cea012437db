import type { PublicQuiz } from '@coursekit/quiz-engine';
// The browser helpers' entry: the quiz island uses these without loading schemas, grading or GIFT code.
import { publicQuizTexts as textsOfQuiz } from '@coursekit/quiz-engine/client';

export type { ClozeSegment } from '@coursekit/quiz-engine';
export { splitClozeText } from '@coursekit/quiz-engine/client';

export interface QuizTexts {
  /** Prompts: may hold several paragraphs. */
  block: string[];
  /** Choices, items, pairs, categories, cloze passages between blanks, rubric criteria: one line each. */
  inline: string[];
}

/**
 * Every piece of Markdown a learner sees in a quiz's public form, so that the page can render them on the
 * server. Only the public form is read: nothing here can carry an answer or feedback. Each question type
 * lists its own texts (quiz-engine's type folders).
 */
export function publicQuizTexts(quiz: PublicQuiz): QuizTexts {
  return textsOfQuiz(quiz);
}

/** Every string anywhere in a value (a quiz in its secret form): what may be rendered for its learners. */
export function allStrings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim()) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) allStrings(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) allStrings(item, into);
  }
  return into;
}

import { layoutQuiz, viewOf } from './layout.js';
import type { BehaviourName, Quiz } from './quiz.js';
import type { Seed } from './shuffle.js';
import type { PublicQuestion } from './types/registry.js';

/** Everything a browser may hold before submission. */
export interface PublicQuiz {
  id: string;
  title: string;
  behaviour: BehaviourName;
  tries: number;
  penalty: number;
  passMark: number;
  maxAttempts?: number;
  totalPoints: number;
  questions: PublicQuestion[];
}

/**
 * The public form of a quiz for one seed: drawn questions in shown order, choices shuffled under opaque
 * ids. No correctness, feedback, explanations, hints, accepted answers, tolerances or solution orders.
 */
export function toPublicQuiz(quiz: Quiz, options: { seed: Seed }): PublicQuiz {
  const questions = layoutQuiz(quiz, options.seed).map(viewOf);
  const publicQuiz: PublicQuiz = {
    id: quiz.id,
    title: quiz.title,
    behaviour: quiz.behaviour,
    tries: quiz.tries,
    penalty: quiz.penalty,
    passMark: quiz.passMark,
    totalPoints: questions.reduce((sum, question) => sum + question.points, 0),
    questions,
  };
  if (quiz.maxAttempts !== undefined) publicQuiz.maxAttempts = quiz.maxAttempts;
  return publicQuiz;
}

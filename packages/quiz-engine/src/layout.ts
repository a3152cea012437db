import type { Quiz } from './quiz.js';
import { createRng, type Seed, shuffle } from './shuffle.js';
import { layoutQuestion, type Question, type QuestionLayout } from './types/registry.js';

function assertSeed(seed: unknown): asserts seed is Seed {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new TypeError(
      'seed must be a string or a finite number chosen by the server for this student and attempt',
    );
  }
}

/** The questions an attempt with this seed gets, in the order it shows them (pools drawn, then shuffled). */
export function questionsForAttempt(quiz: Quiz, seed: Seed): Question[] {
  assertSeed(seed);
  const rng = createRng(seed, quiz.id, 'selection');
  const drawn = quiz.questions.flatMap((entry) =>
    entry.type === 'pool' ? shuffle(entry.questions, rng).slice(0, entry.draw) : [entry],
  );
  return quiz.shuffleQuestions ? shuffle(drawn, rng) : drawn;
}

/** Ids of the questions drawn for this seed, in shown order: what a server stores with the attempt. */
export function questionIdsForAttempt(quiz: Quiz, seed: Seed): string[] {
  return questionsForAttempt(quiz, seed).map((question) => question.id);
}

export interface QuizLayout {
  quiz: Quiz;
  questions: QuestionLayout[];
}

/** Lays out every drawn question for this seed; `toPublicQuiz` and `grade` both start here, so their ids agree. */
export function layoutQuiz(quiz: Quiz, seed: Seed): QuizLayout {
  const options = { shuffleChoices: quiz.shuffleChoices };
  return {
    quiz,
    questions: questionsForAttempt(quiz, seed).map((question) =>
      layoutQuestion(question, createRng(seed, quiz.id, question.id), options),
    ),
  };
}

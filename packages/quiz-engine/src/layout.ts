import { type CompiledQuestion, type CompiledQuiz, compiledOf } from './compile.js';
import type { Quiz } from './quiz.js';
import { createRng, type Seed, shuffle } from './shuffle.js';
import type { LayoutOptions } from './types/definition.js';
import type { PublicQuestion, Question } from './types/registry.js';

export function assertSeed(seed: unknown): asserts seed is Seed {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new TypeError(
      'seed must be a string or a finite number chosen by the server for this student and attempt',
    );
  }
}

/** The questions an attempt with this seed gets, in the order it shows them (pools drawn, then shuffled). */
export function questionsForAttempt(quiz: Quiz, seed: Seed): Question[] {
  assertSeed(seed);
  const hasPools = quiz.questions.some((entry) => entry.type === 'pool');
  if (!hasPools && !quiz.shuffleQuestions) return quiz.questions as Question[];
  const rng = createRng(seed, quiz.id, 'selection');
  const drawn = hasPools
    ? quiz.questions.flatMap((entry) =>
        entry.type === 'pool' ? shuffle(entry.questions, rng).slice(0, entry.draw) : [entry],
      )
    : (quiz.questions as Question[]);
  return quiz.shuffleQuestions ? shuffle(drawn, rng) : drawn;
}

/** Ids of the questions drawn for this seed, in shown order: what a server stores with the attempt. */
export function questionIdsForAttempt(quiz: Quiz, seed: Seed): string[] {
  return questionsForAttempt(quiz, seed).map((question) => question.id);
}

/** One drawn question as laid out for one seed: its arrangement of opaque ids, and its view on demand. */
export interface LaidOutQuestion {
  readonly compiled: CompiledQuestion;
  readonly question: Question;
  readonly arrangement: unknown;
}

/** Lays out every drawn question for this seed; `toPublicQuiz` and `grade` both start here, so their ids agree. */
export function layoutQuiz(
  quiz: Quiz,
  seed: Seed,
  compiled: CompiledQuiz = compiledOf(quiz),
): LaidOutQuestion[] {
  const options: LayoutOptions = { shuffleChoices: quiz.shuffleChoices };
  const drawn = questionsForAttempt(quiz, seed);
  const laidOut: LaidOutQuestion[] = new Array(drawn.length);
  for (let index = 0; index < drawn.length; index += 1) {
    const question = drawn[index] as Question;
    const entry = compiled.byId.get(question.id) as CompiledQuestion;
    laidOut[index] = {
      compiled: entry,
      question,
      arrangement: entry.definition.arrange(question, createRng(seed, quiz.id, question.id), options),
    };
  }
  return laidOut;
}

/** The public view of a laid-out question. */
export function viewOf(laidOut: LaidOutQuestion): PublicQuestion {
  const { definition, prepared } = laidOut.compiled;
  return definition.view(laidOut.question, laidOut.arrangement, prepared) as PublicQuestion;
}

import { xoroshiro128plus } from 'pure-rand';
import { type CompiledQuestion, type CompiledQuiz, compiledOf } from './compile.js';
import type { Quiz } from './quiz.js';
import { continueSeedHash, createRng, type Seed, seedHashState, shuffle } from './shuffle.js';
import type { AnyQuestionType, LayoutOptions } from './types/definition.js';
import type { PublicQuestion, Question } from './types/registry.js';

export function assertSeed(seed: unknown): asserts seed is Seed {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new TypeError(
      'seed must be a string or a finite number chosen by the server for this student and attempt',
    );
  }
}

/** The questions an attempt with this seed gets, in the order it shows them (pools drawn, then shuffled). */
export function questionsForAttempt(
  quiz: Quiz,
  seed: Seed,
  hasPools: boolean = quiz.questions.some((entry) => entry.type === 'pool'),
): Question[] {
  assertSeed(seed);
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
  const drawn = questionsForAttempt(quiz, seed, compiled.hasPools);
  // Each question's stream is seeded with hashSeed(seed, quiz id, question id): the seed and quiz id are
  // hashed once per attempt, and each question continues from there.
  const attemptHash = seedHashState(seed, quiz.id);
  const laidOut: LaidOutQuestion[] = [];
  for (let index = 0; index < drawn.length; index += 1) {
    const question = drawn[index] as Question;
    const entry = compiled.byId.get(question.id) as CompiledQuestion;
    const rng = xoroshiro128plus(continueSeedHash(attemptHash, question.id));
    laidOut.push({
      compiled: entry,
      question,
      arrangement: entry.arrange.call(entry.definition, question, rng, options),
    });
  }
  return laidOut;
}

/** What a response to a laid-out question may refer to, without building its public view. */
export function shownOf(laidOut: LaidOutQuestion): unknown {
  const entry = laidOut.compiled;
  return entry.shownInArrangement === undefined
    ? viewOf(laidOut)
    : entry.shownInArrangement.call(entry.definition, laidOut.question, laidOut.arrangement, entry.prepared);
}

/** What a response to a public question may refer to. */
export function shownInView(definition: AnyQuestionType, view: unknown): unknown {
  return definition.shownInView === undefined ? view : definition.shownInView(view);
}

/** The public view of a laid-out question. */
export function viewOf(laidOut: LaidOutQuestion): PublicQuestion {
  const { definition, prepared } = laidOut.compiled;
  return definition.view(laidOut.question, laidOut.arrangement, prepared) as PublicQuestion;
}

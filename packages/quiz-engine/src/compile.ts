import type { Quiz, QuizEntry } from './quiz.js';
import type { AnyQuestionType } from './types/definition.js';
import { builtInTypeTable, type Question, type QuestionTypeTable } from './types/registry.js';

/**
 * One question ready to lay out and grade: its type and what the type prepared for it, and what every
 * grading call reads of both. Questions and definitions of ten types come in as many object shapes, so
 * reading `question.points` or `definition.grade` at one place in the code is a megamorphic lookup each
 * time; every compiled question has the same shape, so reading them here is not.
 */
export interface CompiledQuestion {
  readonly question: Question;
  readonly definition: AnyQuestionType;
  readonly prepared: unknown;
  readonly id: string;
  readonly type: Question['type'];
  readonly points: number;
  readonly objectives: readonly string[];
  readonly explanation: string | undefined;
  readonly needsHuman: boolean;
  readonly arrange: AnyQuestionType['arrange'];
  readonly shownInArrangement: AnyQuestionType['shownInArrangement'];
  readonly checkResponse: AnyQuestionType['checkResponse'];
  readonly grade: AnyQuestionType['grade'];
  readonly correctAnswer: AnyQuestionType['correctAnswer'];
  readonly resultDetails: AnyQuestionType['resultDetails'];
}

/** A quiz ready to lay out and grade: made once when `parseQuiz` returns it, frozen like the quiz. */
export interface CompiledQuiz {
  readonly types: QuestionTypeTable;
  /** Every question, pools included, by id. */
  readonly byId: ReadonlyMap<string, CompiledQuestion>;
  readonly hasPools: boolean;
}

// Written once per quiz by `parseQuiz` (whose quiz is deep-frozen), read by everything else; a quiz that
// cannot change keeps a compiled form that cannot go stale, and no caller can alter another's entry.
const compiledQuizzes = new WeakMap<Quiz, CompiledQuiz>();

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * The same text as a property key's string. V8 looks a string up in its string table before using it as a
 * key, unless it is that table's copy already; ids and objectives parsed from YAML or JSON values are not.
 * `grade` reads the response under each question's id and files mastery under each objective on every call:
 * with these copies, made once per parsed quiz, neither call searches the table.
 */
function asKey(text: string): string {
  return Object.keys({ [text]: 0 })[0] ?? text;
}

function compileQuestion(question: Question, types: QuestionTypeTable): CompiledQuestion {
  const definition = types.get(question.type);
  if (definition === undefined) {
    throw new TypeError(
      `unknown question type '${String(question.type)}': parse the quiz with the engine that defines it`,
    );
  }
  const prepared = definition.prepare === undefined ? undefined : definition.prepare(question);
  return Object.freeze({
    question,
    definition,
    prepared,
    id: asKey(question.id),
    type: question.type,
    points: question.points,
    objectives: Object.freeze(question.objectives.map(asKey)),
    explanation: question.explanation,
    needsHuman: Boolean(definition.needsHuman),
    // Called with the definition as `this` (`entry.grade.call(entry.definition, …)`), as before.
    arrange: definition.arrange,
    shownInArrangement: definition.shownInArrangement,
    checkResponse: definition.checkResponse,
    grade: definition.grade,
    correctAnswer: definition.correctAnswer,
    resultDetails: definition.resultDetails,
  });
}

export function compile(quiz: Quiz, types: QuestionTypeTable): CompiledQuiz {
  const byId = new Map<string, CompiledQuestion>();
  let hasPools = false;
  const add = (question: Question) => byId.set(question.id, compileQuestion(question, types));
  for (const entry of quiz.questions as readonly QuizEntry[]) {
    if (entry.type === 'pool') {
      hasPools = true;
      for (const question of entry.questions) add(question);
    } else add(entry);
  }
  return Object.freeze({ types, byId, hasPools });
}

/** Freezes a freshly parsed quiz and keeps its compiled form for every later call. */
export function sealQuiz<T extends Quiz>(quiz: T, types: QuestionTypeTable): T {
  deepFreeze(quiz);
  compiledQuizzes.set(quiz, compile(quiz, types));
  return quiz;
}

/** Whether `quiz` came from `parseQuiz` (deep-frozen, compiled once): what is derived from it cannot go stale. */
export function isSealed(quiz: Quiz): boolean {
  return compiledQuizzes.has(quiz);
}

/**
 * The compiled form of a quiz from `parseQuiz`, or, for a quiz built or copied by hand, one made for
 * this call only with the built-in types (so that nothing kept can go stale).
 */
export function compiledOf(quiz: Quiz): CompiledQuiz {
  return compiledQuizzes.get(quiz) ?? compile(quiz, builtInTypeTable);
}

import type { AttemptError, Behaviour, QuestionAttemptState } from './behaviours/behaviour.js';
import { deferredBehaviour } from './behaviours/deferred.js';
import { immediateBehaviour } from './behaviours/immediate.js';
import { interactiveBehaviour } from './behaviours/interactive.js';
import { compiledOf, deepFreeze, isSealed } from './compile.js';
import { type GradeResult, type QuestionResult, resultFor, summarise } from './grade.js';
import { type LaidOutQuestion, layoutQuiz, questionIdsForAttempt, shownOf } from './layout.js';
import { copyResponse } from './plain-copy.js';
import type { BehaviourName, Quiz } from './quiz.js';
import { checkSubmission } from './responses.js';
import type { Seed } from './shuffle.js';

export type AttemptStep =
  | { action: 'answer'; questionId: string; response: unknown }
  | { action: 'check'; questionId: string }
  | { action: 'submit' };

/** Serialisable attempt state: store it (or just its steps) and pass it back; transitions never mutate it. */
export interface AttemptState {
  version: 1;
  quizId: string;
  /** The seed of this attempt: pass it to `toPublicQuiz` so the learner sees the matching layout. */
  seed: string;
  attemptNumber: number;
  behaviour: BehaviourName;
  status: 'in-progress' | 'submitted';
  /** Drawn questions in shown order. */
  questionIds: string[];
  questions: Record<string, QuestionAttemptState>;
  /** Every accepted transition, in order; replaying them gives the same state. */
  steps: AttemptStep[];
  result?: GradeResult;
}

export type AttemptTransition<Extra = object> =
  | ({ ok: true; state: AttemptState } & Extra)
  | { ok: false; error: AttemptError };

export interface CheckOutcome {
  /** The question's result with any penalty applied; the correct answer only once it is finished. */
  result: QuestionResult;
  /** Hints revealed so far, in order. */
  hints: string[];
  finished: boolean;
  /** Tries left for this question (interactive). */
  triesLeft: number;
}

const BEHAVIOURS: Record<BehaviourName, Behaviour> = {
  deferred: deferredBehaviour,
  immediate: immediateBehaviour,
  interactive: interactiveBehaviour,
};

function fail(code: AttemptError['code'], message: string): { ok: false; error: AttemptError } {
  return { ok: false, error: { code, message } };
}

function checkQuiz(state: AttemptState, quiz: Quiz): { ok: false; error: AttemptError } | undefined {
  if (state.quizId !== quiz.id)
    return fail('wrong-quiz', `this attempt belongs to quiz '${state.quizId}', not '${quiz.id}'`);
  return undefined;
}

/** The per-attempt seed: one student seed gives a different layout on each attempt. */
export function attemptSeed(seed: Seed, attemptNumber: number): string {
  return `${seed}#${attemptNumber}`;
}

/** How an attempt is started: the student's seed, its number, and whose limit on attempts holds. */
export interface AttemptOptions {
  seed: Seed;
  attemptNumber?: number;
  /**
   * The most attempts this student may make, when a server decides it (a teacher granted extra attempts):
   * a number replaces the quiz's `maxAttempts`, `null` leaves the limit to the caller. Default: the quiz's.
   */
  maxAttempts?: number | null;
}

/** Starts attempt `attemptNumber` (1 by default) with the student's seed; refuses beyond `maxAttempts`. */
export function createAttempt(quiz: Quiz, options: AttemptOptions): AttemptTransition {
  const attemptNumber = options.attemptNumber ?? 1;
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    return fail('no-attempts-left', 'attemptNumber must be a whole number from 1');
  }
  const maxAttempts = options.maxAttempts === undefined ? quiz.maxAttempts : options.maxAttempts;
  if (maxAttempts !== undefined && maxAttempts !== null && attemptNumber > maxAttempts) {
    return fail(
      'no-attempts-left',
      `this quiz allows ${maxAttempts} attempt(s); this would be attempt ${attemptNumber}`,
    );
  }
  const seed = attemptSeed(options.seed, attemptNumber);
  const questionIds = questionIdsForAttempt(quiz, seed);
  const questions: Record<string, QuestionAttemptState> = {};
  for (const id of questionIds)
    questions[id] = { checks: 0, failedTries: 0, hintsRevealed: 0, finished: false };
  return {
    ok: true,
    state: {
      version: 1,
      quizId: quiz.id,
      seed,
      attemptNumber,
      behaviour: quiz.behaviour,
      status: 'in-progress',
      questionIds,
      questions,
      steps: [],
    },
  };
}

function questionState(
  state: AttemptState,
  questionId: unknown,
): { ok: true; question: QuestionAttemptState; id: string } | { ok: false; error: AttemptError } {
  if (state.status === 'submitted')
    return fail('already-submitted', 'this attempt has been submitted; start a new one');
  if (typeof questionId !== 'string' || !state.questionIds.includes(questionId)) {
    return fail('unknown-question', `'${String(questionId).slice(0, 40)}' is not a question of this attempt`);
  }
  return { ok: true, question: state.questions[questionId] as QuestionAttemptState, id: questionId };
}

/** Records a response (replacing any earlier one). It is checked when the question is checked or submitted. */
export function answer(state: AttemptState, questionId: string, response: unknown): AttemptTransition {
  const found = questionState(state, questionId);
  if (!found.ok) return found;
  if (found.question.finished)
    return fail('question-finished', 'this question is finished; its answer can no longer change');
  // A copy, so that the caller's object can change without changing the attempt.
  const copied = copyResponse(response);
  if (!copied.ok) {
    return fail(
      'unserialisable-response',
      'a response must be plain data (text, numbers, booleans, lists, objects)',
    );
  }
  const copy = copied.value;
  return {
    ok: true,
    state: carryLayout(state, {
      ...state,
      questions: { ...state.questions, [found.id]: { ...found.question, response: copy } },
      steps: [...state.steps, { action: 'answer', questionId: found.id, response: copy }],
    }),
  };
}

/**
 * Records several responses at once: the same state, and the same `answer` steps in the same order, as
 * calling `answer` for each in turn (so a replay of the steps, and a stored record, cannot tell them apart),
 * but the attempt is copied once rather than once per response. All or nothing: the first response that
 * `answer` would refuse is refused, with its question named, and nothing is recorded.
 */
export function answerAll(
  state: AttemptState,
  responses: Record<string, unknown> | Iterable<readonly [string, unknown]>,
): AttemptTransition {
  if (state.status === 'submitted')
    return fail('already-submitted', 'this attempt has been submitted; start a new one');
  const entries: Iterable<readonly [string, unknown]> =
    Symbol.iterator in responses
      ? (responses as Iterable<readonly [string, unknown]>)
      : Object.entries(responses as Record<string, unknown>);
  const questions = { ...state.questions };
  const steps = [...state.steps];
  let shown: Set<string> | undefined;
  for (const [questionId, response] of entries) {
    shown ??= new Set(state.questionIds);
    if (typeof questionId !== 'string' || !shown.has(questionId)) {
      return fail(
        'unknown-question',
        `'${String(questionId).slice(0, 40)}' is not a question of this attempt`,
      );
    }
    const question = questions[questionId] as QuestionAttemptState;
    if (question.finished) {
      return fail(
        'question-finished',
        `question '${questionId}' is finished; its answer can no longer change`,
      );
    }
    const copied = copyResponse(response);
    if (!copied.ok) {
      return fail(
        'unserialisable-response',
        `question '${questionId}': a response must be plain data (text, numbers, booleans, lists, objects)`,
      );
    }
    questions[questionId] = { ...question, response: copied.value };
    steps.push({ action: 'answer', questionId, response: copied.value });
  }
  return { ok: true, state: carryLayout(state, { ...state, questions, steps }) };
}

/** The layout an attempt's state objects share: for one parsed quiz and one seed, deep-frozen. */
interface AttemptLayout {
  readonly quiz: Quiz;
  readonly seed: string;
  readonly laidOut: readonly LaidOutQuestion[];
}

// Each state an attempt passes through remembers the layout of its seed, so that checks, the submission
// and a replay lay the quiz out once rather than at every step. Keyed by the state objects (which only
// their holder has) and checked against the quiz and seed on every use; the layout is frozen, so nothing
// a caller or a question type does can change it; a quiz not from parseQuiz is laid out afresh each time.
const attemptLayouts = new WeakMap<AttemptState, AttemptLayout>();

function layoutOfAttempt(quiz: Quiz, state: AttemptState, remember: boolean): readonly LaidOutQuestion[] {
  const known = attemptLayouts.get(state);
  if (known !== undefined && known.quiz === quiz && known.seed === state.seed) return known.laidOut;
  const laidOut = layoutQuiz(quiz, state.seed);
  // A submission is an attempt's last step: what it lays out is used once, and needs no freezing.
  if (!remember || !isSealed(quiz)) return laidOut;
  const layout: AttemptLayout = Object.freeze({ quiz, seed: state.seed, laidOut: deepFreeze(laidOut) });
  attemptLayouts.set(state, layout);
  return layout.laidOut;
}

/** The next state of an attempt remembers the layout its previous state knew. */
function carryLayout<T extends AttemptState>(from: AttemptState, to: T): T {
  const known = attemptLayouts.get(from);
  if (known !== undefined) attemptLayouts.set(to, known);
  return to;
}

function layoutOf(quiz: Quiz, state: AttemptState, questionId: string): LaidOutQuestion | undefined {
  for (const laidOut of layoutOfAttempt(quiz, state, true))
    if (laidOut.question.id === questionId) return laidOut;
  return undefined;
}

/** Grades one question now (immediate and interactive behaviours); a refused check changes nothing. */
export function check(state: AttemptState, quiz: Quiz, questionId: string): AttemptTransition<CheckOutcome> {
  const wrongQuiz = checkQuiz(state, quiz);
  if (wrongQuiz) return wrongQuiz;
  const found = questionState(state, questionId);
  if (!found.ok) return found;
  const behaviour = BEHAVIOURS[state.behaviour];
  const refused = behaviour.refuseCheck(found.question, quiz);
  if (refused) return { ok: false, error: refused };
  if (!('response' in found.question)) return fail('no-response', 'answer the question before checking it');
  const layout = layoutOf(quiz, state, found.id);
  if (layout === undefined) return fail('unknown-question', `'${found.id}' is not a question of this quiz`);
  const { definition } = layout.compiled;
  if (definition.needsHuman) {
    return fail(
      'check-not-available',
      `${layout.question.type} questions are marked by the teacher after submission`,
    );
  }
  let checked: ReturnType<typeof definition.checkResponse>;
  try {
    checked = definition.checkResponse(shownOf(layout), found.question.response);
  } catch {
    return fail('invalid-response', 'this answer could not be read');
  }
  if (!checked.ok) return fail('invalid-response', checked.error.message);

  const raw = resultFor(layout, checked);
  const next = behaviour.afterCheck(found.question, raw, quiz, layout.question.hints.length);
  const result: QuestionResult = { ...raw, score: behaviour.finalScore(next, raw, quiz) };
  // While tries remain, the learner must not see the answer.
  if (!next.finished) delete result.correctAnswer;
  return {
    ok: true,
    state: carryLayout(state, {
      ...state,
      questions: { ...state.questions, [found.id]: next },
      steps: [...state.steps, { action: 'check', questionId: found.id }],
    }),
    result,
    hints: layout.question.hints.slice(0, next.hintsRevealed),
    finished: next.finished,
    triesLeft: Math.max(0, quiz.tries - next.checks),
  };
}

/** Grades the whole attempt with the behaviour's penalties and closes it. */
export function submit(state: AttemptState, quiz: Quiz): AttemptTransition<{ result: GradeResult }> {
  const wrongQuiz = checkQuiz(state, quiz);
  if (wrongQuiz) return wrongQuiz;
  if (state.status === 'submitted')
    return fail('already-submitted', 'this attempt has already been submitted');
  const behaviour = BEHAVIOURS[state.behaviour];
  const compiled = compiledOf(quiz);
  const layouts = layoutOfAttempt(quiz, state, false);
  const stored: Record<string, unknown> = {};
  for (const [id, question] of Object.entries(state.questions)) {
    if ('response' in question) stored[id] = question.response;
  }
  const checked = checkSubmission(layouts, stored, compiled);
  const results = layouts.map((layout, index) => {
    const raw = resultFor(layout, checked.checks[index]);
    const question = state.questions[layout.question.id];
    return question === undefined ? raw : { ...raw, score: behaviour.finalScore(question, raw, quiz) };
  });
  const result = summarise(quiz, results, checked.issues);
  return {
    ok: true,
    state: carryLayout(state, {
      ...state,
      status: 'submitted',
      steps: [...state.steps, { action: 'submit' }],
      result,
    }),
    result,
  };
}

/** Rebuilds an attempt from its stored steps; the server's record of truth. */
export function replayAttempt(
  quiz: Quiz,
  options: AttemptOptions,
  steps: readonly AttemptStep[],
): AttemptTransition {
  const created = createAttempt(quiz, options);
  if (!created.ok) return created;
  let state = created.state;
  for (const [index, step] of steps.entries()) {
    const next =
      step.action === 'answer'
        ? answer(state, step.questionId, step.response)
        : step.action === 'check'
          ? check(state, quiz, step.questionId)
          : submit(state, quiz);
    if (!next.ok)
      return { ok: false, error: { ...next.error, message: `step ${index + 1}: ${next.error.message}` } };
    state = next.state;
  }
  return { ok: true, state };
}

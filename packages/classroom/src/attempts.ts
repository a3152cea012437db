import { createHash } from 'node:crypto';
import {
  type AttemptError,
  type AttemptState,
  type AttemptStep,
  answer,
  answerAll,
  type CheckOutcome,
  check,
  createAttempt,
  type GradeResult,
  type PublicQuiz,
  type Quiz,
  replayAttempt,
  submit,
  toPublicQuiz,
  validateResponses,
} from '@coursekit/quiz-engine';
import { z } from 'zod';
import { type AttemptSummary, summariseAttempt } from './attempt-summary';
import { describeResponse } from './describe-response';
import { ApiError, type ApiIssue } from './errors';
import { deriveKey } from './signing';
import type {
  AttemptItem,
  AttemptRecord,
  ClassroomStore,
  GradedSubmission,
  Learner,
  OpenAttempt,
} from './storage/types';

/** Everything the attempt routes need besides the request. */
export interface AttemptContext {
  store: ClassroomStore;
  secret: string;
  now: number;
}

/**
 * The learner's seed for a quiz, derived from the server secret: the browser never chooses it, and the
 * same learner gets the same layout for the same attempt on every device. quiz-engine turns it into one
 * seed per attempt (`seed#n`).
 */
export function learnerSeed(secret: string, learnerId: string, quizId: string): string {
  return deriveKey(secret, 'quiz-seed', learnerId, quizId).slice(0, 22);
}

const ATTEMPT_ERROR_STATUS: Record<AttemptError['code'], number> = {
  'wrong-quiz': 500,
  'unknown-question': 400,
  'already-submitted': 409,
  'question-finished': 409,
  'check-not-available': 409,
  'no-tries-left': 409,
  'no-response': 400,
  'invalid-response': 400,
  'unserialisable-response': 400,
  'no-attempts-left': 409,
};

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function attemptError(error: AttemptError): ApiError {
  return new ApiError(ATTEMPT_ERROR_STATUS[error.code], error.code, sentence(error.message));
}

function noAttemptsLeft(maxAttempts: number | undefined, used: number): ApiError {
  return new ApiError(
    409,
    'no-attempts-left',
    `You have used all ${used} of the ${maxAttempts ?? used} attempts this quiz allows; your best score counts.`,
  );
}

/**
 * How many attempts this learner may make: the quiz file's `maxAttempts` unless the class's policy says
 * more (attempts a teacher granted; see quiz-policy.ts). Undefined: unlimited.
 */
export interface AttemptLimits {
  maxAttempts: number | undefined;
}

/**
 * The store holds the learner's limit on attempts (the quiz file's plus any a teacher granted), so the
 * engine is told not to apply the quiz file's alone.
 */
const STORE_LIMITS_ATTEMPTS = null;

function replayed(
  quiz: Quiz,
  seed: string,
  attemptNumber: number,
  steps: readonly AttemptStep[],
): AttemptState {
  const rebuilt = replayAttempt(quiz, { seed, attemptNumber, maxAttempts: STORE_LIMITS_ATTEMPTS }, steps);
  if (!rebuilt.ok) {
    // The quiz changed under stored steps (a question was removed or reworded into another type).
    throw new ApiError(
      409,
      'attempt-unreadable',
      `This attempt can no longer be replayed against the current quiz (${rebuilt.error.message}). Reload the quiz.`,
    );
  }
  return rebuilt.state;
}

/** Starts attempt `attemptNumber`, or continues it by replaying its stored steps with the quiz engine. */
export function attemptState(
  quiz: Quiz,
  seed: string,
  attemptNumber: number,
  open: OpenAttempt | undefined,
): AttemptState {
  if (open) return replayed(quiz, open.seed, attemptNumber, open.steps);
  const created = createAttempt(quiz, { seed, attemptNumber, maxAttempts: STORE_LIMITS_ATTEMPTS });
  if (!created.ok) throw attemptError(created.error);
  return created.state;
}

/**
 * The latest check outcome of each checked question, as the learner was shown it: the engine replays the
 * steps up to that check and checks again. A reloaded page (or a repeated check) gets back exactly that.
 */
export function checkOutcomes(
  quiz: Quiz,
  seed: string,
  attemptNumber: number,
  steps: readonly AttemptStep[],
): Map<string, CheckOutcome> {
  const lastCheck = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.action === 'check') lastCheck.set(step.questionId, index);
  });
  const outcomes = new Map<string, CheckOutcome>();
  for (const [questionId, index] of lastCheck) {
    const before = replayAttempt(
      quiz,
      { seed, attemptNumber, maxAttempts: STORE_LIMITS_ATTEMPTS },
      steps.slice(0, index),
    );
    if (!before.ok) continue;
    const checked = check(before.state, quiz, questionId);
    if (!checked.ok) continue;
    const { state: _state, ok: _ok, ...outcome } = checked;
    outcomes.set(questionId, outcome);
  }
  return outcomes;
}

/** The grade result of a stored attempt, rebuilt from its steps; null when the quiz no longer fits them. */
export function storedResult(quiz: Quiz | undefined, record: AttemptRecord): GradeResult | null {
  if (!quiz || quiz.id !== record.quizId) return null;
  const rebuilt = replayAttempt(
    quiz,
    { seed: record.seed, attemptNumber: record.attemptNumber, maxAttempts: STORE_LIMITS_ATTEMPTS },
    record.steps,
  );
  return rebuilt.ok ? (rebuilt.state.result ?? null) : null;
}

/** Public quizzes by attempt seed: the quiz is laid out once per attempt, not again for every request. */
const publicQuizzes = new WeakMap<Quiz, Map<string, PublicQuiz>>();
const PUBLIC_QUIZ_CACHE = 4096;

export function publicQuizFor(quiz: Quiz, attemptSeed: string): PublicQuiz {
  let bySeed = publicQuizzes.get(quiz);
  if (!bySeed) {
    bySeed = new Map();
    publicQuizzes.set(quiz, bySeed);
  }
  let found = bySeed.get(attemptSeed);
  if (!found) {
    found = toPublicQuiz(quiz, { seed: attemptSeed });
    if (bySeed.size >= PUBLIC_QUIZ_CACHE) bySeed.delete(bySeed.keys().next().value as string);
    bySeed.set(attemptSeed, found);
  }
  return found;
}

export interface QuestionProgress {
  /** The response last recorded on the server. */
  response?: unknown;
  checks: number;
  finished: boolean;
  triesLeft: number;
  /** Hints revealed so far. */
  hints: string[];
  /** The latest check's result (the correct answer only once the question is finished). */
  result?: CheckOutcome['result'];
}

export interface QuizForLearner {
  quiz: PublicQuiz;
  /** Null when every allowed attempt has been used. */
  attempt: {
    number: number;
    maxAttempts: number | null;
    /** Attempts still available, this one included; null for unlimited. */
    remaining: number | null;
    /** Immediate and interactive quizzes: what was checked so far, by question id. */
    questions: Record<string, QuestionProgress>;
  } | null;
  attemptsUsed: number;
  best: { percentage: number; passed: boolean | null } | null;
}

/** The public form of a quiz for this learner's current attempt, with any progress kept on the server. */
export async function quizForLearner(
  context: AttemptContext,
  learner: Learner,
  quiz: Quiz,
  limits: AttemptLimits = { maxAttempts: quiz.maxAttempts },
): Promise<QuizForLearner> {
  const { maxAttempts } = limits;
  const seed = learnerSeed(context.secret, learner.id, quiz.id);
  const attempts = (await context.store.attempts.listByLearner(learner.id)).filter(
    (a) => a.quizId === quiz.id,
  );
  const used = attempts.length;
  const exhausted = maxAttempts !== undefined && used >= maxAttempts;
  const number = exhausted ? used : used + 1;
  const open = exhausted ? undefined : await context.store.attempts.getOpen(learner.id, quiz.id);
  const state = attemptState(quiz, seed, number, open);
  const questions: Record<string, QuestionProgress> = {};
  if (open) {
    const outcomes = checkOutcomes(quiz, open.seed, number, open.steps);
    for (const [id, question] of Object.entries(state.questions)) {
      if (question.checks === 0 && !('response' in question)) continue;
      const outcome = outcomes.get(id);
      questions[id] = {
        ...('response' in question ? { response: question.response } : {}),
        checks: question.checks,
        finished: question.finished,
        triesLeft: Math.max(0, quiz.tries - question.checks),
        hints: outcome?.hints ?? [],
        ...(outcome ? { result: outcome.result } : {}),
      };
    }
  }
  const best = attempts.reduce<AttemptRecord | undefined>(
    (top, attempt) => (top === undefined || attempt.percent > top.percent ? attempt : top),
    undefined,
  );
  return {
    quiz: publicQuizFor(quiz, state.seed),
    attempt: exhausted
      ? null
      : {
          number,
          maxAttempts: maxAttempts ?? null,
          remaining: maxAttempts === undefined ? null : maxAttempts - used,
          questions,
        },
    attemptsUsed: used,
    best: best ? { percentage: best.percent, passed: passedOf(quiz, best) } : null,
  };
}

export const submissionSchema = z.strictObject({
  quizId: z.string().min(1, 'Give the id of the quiz you answered.').max(100),
  responses: z.record(
    z.string().max(100),
    z.unknown(),
    'Send responses as an object of question id → answer.',
  ),
  idempotencyKey: z
    .string('Send an idempotencyKey: a random string made once per submission (crypto.randomUUID()).')
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'Use 8–128 letters, digits, "-" or "_" (a UUID works).'),
  attemptNumber: z.int().positive().max(1000).optional(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** Keys sorted at every level, so the same submission always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The questions of a laid-out public quiz by id, made once per attempt layout. */
const questionsById = new WeakMap<PublicQuiz, Map<string, PublicQuiz['questions'][number]>>();

function questionsOf(quiz: PublicQuiz): Map<string, PublicQuiz['questions'][number]> {
  let questions = questionsById.get(quiz);
  if (!questions) {
    questions = new Map(quiz.questions.map((question) => [question.id, question]));
    questionsById.set(quiz, questions);
  }
  return questions;
}

function itemsOf(result: GradeResult, quiz: PublicQuiz): AttemptItem[] {
  const questions = questionsOf(quiz);
  return result.questions
    .filter((question) => question.status !== 'needs-review')
    .map((question) => {
      const shown = questions.get(question.id);
      return {
        questionId: question.id,
        score: question.score,
        maxScore: question.maxScore,
        correct: question.status === 'correct',
        answer: shown ? describeResponse(shown, question.response) : null,
      };
    });
}

/**
 * The steps without the draft: answer steps that no later check of their question graded (a check's answer
 * stays, it is what the check scored). Replaying the rest gives the checked questions as they were.
 */
export function withoutDraftAnswers(steps: readonly AttemptStep[]): AttemptStep[] {
  const lastCheck = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.action === 'check') lastCheck.set(step.questionId, index);
  });
  return steps.filter(
    (step, index) => step.action !== 'answer' || (lastCheck.get(step.questionId) ?? -1) > index,
  );
}

/** Grades a submission as the given attempt: the responses over the checked steps, then `submit`. */
function gradeSubmission(
  quiz: Quiz,
  seed: string,
  attemptNumber: number,
  open: OpenAttempt | undefined,
  responses: Record<string, unknown>,
): { graded: GradedSubmission; result: GradeResult } {
  // The submission is the student's answers as they stand: a drafted answer it leaves out was cleared (or
  // never meant), so only answers that checks graded are kept from the server-held steps.
  const state = attemptState(
    quiz,
    seed,
    attemptNumber,
    open && { ...open, steps: withoutDraftAnswers(open.steps) },
  );
  // The attempt's public layout is made once (when the quiz was shown) and serves validation and the items.
  const shown = publicQuizFor(quiz, state.seed);
  const validation = validateResponses(shown, responses);
  if (!validation.ok) {
    const issues: ApiIssue[] = validation.issues.map((issue) => ({
      path: issue.questionId ? `responses.${issue.questionId}` : 'responses',
      message: issue.message,
    }));
    const [first] = issues;
    throw new ApiError(
      400,
      'invalid-responses',
      `Some answers cannot be read${first ? ` (${first.path}: ${first.message})` : ''}. Nothing was saved; fix them and submit again.`,
      { issues },
    );
  }
  // A question finished by checks keeps its graded answer (interactive and immediate behaviours). The
  // rest are recorded in one step of the engine: the same answer steps as one by one, one copy of the state.
  const answered = answerAll(
    state,
    Object.entries(validation.responses).filter(([questionId]) => !state.questions[questionId]?.finished),
  );
  if (!answered.ok) throw attemptError(answered.error);
  const submitted = submit(answered.state, quiz);
  if (!submitted.ok) throw attemptError(submitted.error);
  const { result } = submitted;
  return {
    result,
    graded: {
      seed: open?.seed ?? seed,
      steps: submitted.state.steps,
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percentage,
      passed: result.passed === true,
      items: itemsOf(result, shown),
    },
  };
}

export interface SubmittedAttempt {
  attempt: AttemptSummary;
  result: GradeResult;
  replayed: boolean;
}

function submittedAttempt(record: AttemptRecord, result: GradeResult, replayed: boolean): SubmittedAttempt {
  return { attempt: summariseAttempt(record, result.passed), result, replayed };
}

/** Whether a stored attempt passed, as its grade result says (null while essays await review). */
function passedOf(quiz: Quiz, record: AttemptRecord): boolean | null {
  const result = storedResult(quiz, record);
  return result ? result.passed : record.passed;
}

/**
 * Grades and stores a submission. The seed comes from the learner's session; the attempt number from
 * the database (the client may name it to detect a stale page). A replayed idempotency key returns the
 * stored attempt; a key reused for different answers, a stale attempt or no attempts left is a 409.
 */
export async function submitAttempt(
  context: AttemptContext,
  learner: Learner,
  quiz: Quiz,
  submission: Submission,
  limits: AttemptLimits = { maxAttempts: quiz.maxAttempts },
): Promise<SubmittedAttempt> {
  const seed = learnerSeed(context.secret, learner.id, quiz.id);
  const requestHash = createHash('sha256')
    .update(
      stableJson({
        quizId: quiz.id,
        responses: submission.responses,
        attemptNumber: submission.attemptNumber,
      }),
    )
    .digest('base64url');
  let graded: ReturnType<typeof gradeSubmission> | undefined;
  const outcome = await context.store.attempts.submit({
    learner,
    quizId: quiz.id,
    idempotencyKey: submission.idempotencyKey,
    requestHash,
    maxAttempts: limits.maxAttempts,
    expectedAttemptNumber: submission.attemptNumber,
    now: context.now,
    grade: ({ attemptNumber, open }) => {
      graded = gradeSubmission(quiz, seed, attemptNumber, open, submission.responses);
      return graded.graded;
    },
  });
  switch (outcome.status) {
    case 'created':
      if (!graded) throw new Error('the store created an attempt without grading it');
      return submittedAttempt(outcome.attempt, graded.result, false);
    case 'replayed': {
      const result = storedResult(quiz, outcome.attempt);
      if (!result) {
        throw new ApiError(
          409,
          'attempt-unreadable',
          'This submission was stored, but the quiz has changed since, so its result cannot be shown again.',
        );
      }
      return submittedAttempt(outcome.attempt, result, true);
    }
    case 'idempotency-conflict':
      throw new ApiError(
        409,
        'idempotency-key-reused',
        'This idempotencyKey was already used for different answers. Make a new key for each new submission.',
      );
    case 'max-attempts':
      throw noAttemptsLeft(limits.maxAttempts, outcome.used);
    case 'stale-attempt':
      throw new ApiError(
        409,
        'attempt-changed',
        `These answers are for attempt ${submission.attemptNumber}, but attempt ${outcome.current} is the current one ` +
          '(the quiz was submitted elsewhere). Reload the quiz; nothing was saved.',
      );
  }
}

export const checkSchema = z.strictObject({
  quizId: z.string().min(1, 'Give the id of the quiz.').max(100),
  questionId: z.string().min(1, 'Give the id of the question to check.').max(100),
  response: z.unknown().refine((value) => value !== undefined, 'Send the response to check.'),
});
export type CheckRequest = z.infer<typeof checkSchema>;

export interface CheckedQuestion extends CheckOutcome {
  questionId: string;
  attemptNumber: number;
  /** True when the same response had just been checked: its outcome is returned again and no try is used. */
  repeated: boolean;
}

/**
 * Checks one question under the quiz behaviour's rules (immediate: once; interactive: `tries` tries with
 * a penalty and a hint per failed try), keeping the attempt state on the server.
 */
export async function checkQuestion(
  context: AttemptContext,
  learner: Learner,
  quiz: Quiz,
  request: CheckRequest,
  limits: AttemptLimits = { maxAttempts: quiz.maxAttempts },
): Promise<CheckedQuestion> {
  if (quiz.behaviour === 'deferred') {
    throw new ApiError(
      409,
      'check-not-available',
      'This quiz gives feedback only after the whole quiz is submitted; answer every question, then submit.',
    );
  }
  const seed = learnerSeed(context.secret, learner.id, quiz.id);
  const outcome = await context.store.attempts.updateOpen({
    learner,
    quizId: quiz.id,
    maxAttempts: limits.maxAttempts,
    now: context.now,
    update: ({ attemptNumber, open }) => {
      const state = attemptState(quiz, seed, attemptNumber, open);
      const stepsSeed = open?.seed ?? seed;
      const question = state.questions[request.questionId];
      const lastStep = state.steps.findLast(
        (step) => 'questionId' in step && step.questionId === request.questionId,
      );
      if (
        question &&
        lastStep?.action === 'check' &&
        'response' in question &&
        stableJson(question.response) === stableJson(request.response)
      ) {
        const previous = checkOutcomes(quiz, stepsSeed, attemptNumber, state.steps).get(request.questionId);
        if (previous) return { seed: stepsSeed, steps: null, value: { ...previous, repeated: true } };
      }
      // A finished question is refused by `check` with the behaviour's reason (no tries left, already checked).
      const answered = question?.finished
        ? { ok: true as const, state }
        : answer(state, request.questionId, request.response);
      if (!answered.ok) throw attemptError(answered.error);
      const checked = check(answered.state, quiz, request.questionId);
      if (!checked.ok) throw attemptError(checked.error);
      const { state: next, ok: _ok, ...result } = checked;
      return { seed: stepsSeed, steps: next.steps, value: { ...result, repeated: false } };
    },
  });
  if (outcome.status === 'max-attempts') throw noAttemptsLeft(limits.maxAttempts, outcome.used);
  return { questionId: request.questionId, attemptNumber: outcome.attemptNumber, ...outcome.value };
}

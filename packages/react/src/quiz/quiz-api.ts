import type { CheckOutcome, GradeResult, PublicQuiz } from '@coursekit/quiz-engine';
import { postJson } from '../api.js';
import type { ShownQuestionResult } from './question-feedback.js';

// The class-mode HTTP API's answers as the quiz reads them (documented in @coursekit/classroom's README),
// written out here so that a React app needs no server package; quiz-api.test.ts checks that they match.

/** A question checked so far in the current attempt (immediate and interactive quizzes). */
export interface QuestionProgress {
  response?: unknown;
  finished: boolean;
  triesLeft: number;
  hints: string[];
  result?: CheckOutcome['result'];
}

/** `GET /api/quizzes/:id`: the public quiz for this browser's learner, with their attempt so far. */
export interface QuizView {
  quiz: PublicQuiz;
  /** Null when every allowed attempt has been used. */
  attempt: {
    number: number;
    maxAttempts: number | null;
    remaining: number | null;
    questions: Record<string, QuestionProgress>;
  } | null;
  attemptsUsed: number;
  best: { percentage: number; passed: boolean | null } | null;
  learner?: { kind: 'student'; displayName: string } | { kind: 'anonymous' };
}

/** Which parts of a submitted attempt the class's review options show now. */
export interface ReviewShown {
  correctness: boolean;
  feedback: boolean;
  correctAnswer: boolean;
  explanation: boolean;
}

/** A graded attempt as a student is shown it: the parts the review options hold back are left out. */
export type ShownResult = Omit<GradeResult, 'questions'> & {
  questions: ShownQuestionResult[];
  review?: ReviewShown;
};

/** `POST /api/attempts`: the graded attempt. */
export interface SubmittedAttempt {
  attempt: {
    id: string;
    quizId: string;
    number: number;
    submittedAt: string;
    score: number;
    maxScore: number;
    percentage: number;
    /** Null while essays await review. */
    passed: boolean | null;
  };
  result: ShownResult;
  replayed: boolean;
}

/** `POST /api/attempts/check`: one question checked under the quiz's behaviour. */
export interface CheckedQuestion extends CheckOutcome {
  questionId: string;
  attemptNumber: number;
  repeated: boolean;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

function errorMessage(data: unknown, status: number, what: string): string {
  const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string' && message) return message;
  if (status === 0) return `${what}: the server could not be reached. Check your connection and try again.`;
  return `${what}: the server answered with an error (HTTP ${status}). Try again in a moment.`;
}

export async function fetchQuiz(quizId: string): Promise<ApiResult<QuizView>> {
  let response: Response;
  try {
    response = await fetch(`/api/quizzes/${encodeURIComponent(quizId)}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, message: errorMessage(null, 0, 'The quiz could not be loaded') };
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok || data === null) {
    return {
      ok: false,
      status: response.status,
      message: errorMessage(data, response.status, 'The quiz could not be loaded'),
    };
  }
  return { ok: true, data: data as QuizView };
}

async function post<T>(
  url: string,
  body: unknown,
  what: string,
  method?: string,
  keepalive?: boolean,
): Promise<ApiResult<T>> {
  try {
    const response = await postJson(url, body, method, keepalive);
    if (response.ok) return { ok: true, data: response.data as T };
    return {
      ok: false,
      status: response.status,
      message: errorMessage(response.data, response.status, what),
    };
  } catch {
    return { ok: false, status: 0, message: errorMessage(null, 0, what) };
  }
}

export function submitAnswers(body: {
  quizId: string;
  responses: Record<string, unknown>;
  idempotencyKey: string;
  attemptNumber: number;
}): Promise<ApiResult<SubmittedAttempt>> {
  return post('/api/attempts', body, 'Your answers were not sent');
}

export function checkAnswer(body: {
  quizId: string;
  questionId: string;
  response: unknown;
}): Promise<ApiResult<CheckedQuestion>> {
  return post('/api/attempts/check', body, 'Your answer was not checked');
}

/** `PUT /api/attempts/draft`: what the student has answered so far, kept for a reload or another device. */
export function saveDraft(
  body: { quizId: string; attemptNumber: number; responses: Record<string, unknown> },
  keepalive: boolean,
): Promise<ApiResult<{ savedAt: string }>> {
  return post('/api/attempts/draft', body, 'Draft not saved', 'PUT', keepalive);
}

/** A random key per submission, so that sending it again after a lost response is not a second attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; a class on a LAN address may use plain http.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

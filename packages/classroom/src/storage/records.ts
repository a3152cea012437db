// Stored JSON is checked when it is read, never cast: a row that does not hold what the engine wrote is a
// clear error naming the row, not a crash somewhere later.
import type { AttemptStep } from '@coursekit/quiz-engine';
import { z } from 'zod';
import type {
  AttemptRecord,
  ClassRecord,
  CompletionRecord,
  ItemStatistic,
  OpenAttempt,
  SessionRecord,
  StudentRecord,
} from './types';

const stepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('answer'), questionId: z.string(), response: z.unknown() }),
  z.strictObject({ action: z.literal('check'), questionId: z.string() }),
  z.strictObject({ action: z.literal('submit') }),
]);
const stepsSchema = z.array(stepSchema);

/** A stored row does not hold what this version of the package writes. */
export class StoredDataError extends Error {
  constructor(where: string, detail: string) {
    super(`The stored ${where} is not readable (${detail}); the database may have been edited by hand.`);
    this.name = 'StoredDataError';
  }
}

/** Parses (when given text) and checks stored attempt steps. */
export function readSteps(value: unknown, where: string): AttemptStep[] {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw new StoredDataError(where, error instanceof Error ? error.message : 'not JSON');
    }
  }
  const parsed = stepsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(where, `${issue?.path.join('.') || 'steps'}: ${issue?.message ?? 'invalid'}`);
  }
  // Zod types `response: z.unknown()` as optional; the schema has checked every step's shape.
  return parsed.data as AttemptStep[];
}

/** The database cannot take writes now (its file was deleted or replaced, or the server is gone). */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

// Both engines hand back plain values typed `unknown`; these read each column as the schemas declare it.
export type Row = Record<string, unknown>;

export const text = (value: unknown) => String(value);
export const optionalText = (value: unknown) =>
  value === null || value === undefined ? null : String(value);
export const num = (value: unknown) => Number(value);
/** SQLite stores booleans as 0/1, PostgreSQL as booleans. */
const bool = (value: unknown) => value === true || value === 1;

export const attemptColumns = `id, learner_id, student_id, class_id, quiz_id, attempt_number, idempotency_key,
  request_hash, seed, steps, score, max_score, percent, passed, submitted_at`;

export function toAttempt(row: Row): AttemptRecord {
  return {
    id: text(row.id),
    learnerId: text(row.learner_id),
    studentId: optionalText(row.student_id),
    classId: optionalText(row.class_id),
    quizId: text(row.quiz_id),
    attemptNumber: num(row.attempt_number),
    idempotencyKey: text(row.idempotency_key),
    seed: text(row.seed),
    steps: readSteps(row.steps, `attempt ${text(row.id)}`),
    score: num(row.score),
    maxScore: num(row.max_score),
    percent: num(row.percent),
    passed: bool(row.passed),
    submittedAt: num(row.submitted_at),
  };
}

export function toClass(row: Row): ClassRecord {
  return {
    id: text(row.id),
    name: text(row.name),
    joinCode: text(row.join_code),
    createdAt: num(row.created_at),
  };
}

export function toStudent(row: Row): StudentRecord {
  return {
    id: text(row.id),
    classId: text(row.class_id),
    displayName: text(row.display_name),
    createdAt: num(row.created_at),
  };
}

export function toSession(row: Row): SessionRecord {
  return {
    id: text(row.id),
    kind: row.kind === 'teacher' ? 'teacher' : 'student',
    studentId: optionalText(row.student_id),
    classId: optionalText(row.class_id),
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
    revokedAt: row.revoked_at === null ? null : num(row.revoked_at),
    teacherId: optionalText(row.teacher_id),
  };
}

export function toCompletion(row: Row): CompletionRecord {
  return {
    learnerId: text(row.learner_id),
    studentId: optionalText(row.student_id),
    classId: optionalText(row.class_id),
    lessonId: text(row.lesson_id),
    completedAt: num(row.completed_at),
  };
}

export function toOpen(row: Row, where: string): OpenAttempt {
  return {
    attemptNumber: num(row.attempt_number),
    seed: text(row.seed),
    steps: readSteps(row.steps, where),
    revision: num(row.revision),
    updatedAt: num(row.updated_at),
  };
}

/** Totals and the most chosen wrong answer (ties: alphabetically first), per quiz and question. */
export function combineItemStatistics(totals: Row[], wrong: Row[]): ItemStatistic[] {
  const topWrong = new Map<string, { answer: string; count: number }>();
  for (const row of wrong) {
    const key = `${text(row.quiz_id)}\u0000${text(row.question_id)}`;
    if (!topWrong.has(key)) topWrong.set(key, { answer: text(row.answer), count: num(row.n) });
  }
  return totals.map((row) => {
    const top = topWrong.get(`${text(row.quiz_id)}\u0000${text(row.question_id)}`);
    return {
      quizId: text(row.quiz_id),
      questionId: text(row.question_id),
      responses: num(row.responses),
      correct: num(row.correct),
      credit: num(row.credit),
      topWrongAnswer: top?.answer ?? null,
      topWrongCount: top?.count ?? 0,
    };
  });
}

// What class mode keeps, split by concern into small repositories. Two engines implement them with the same
// guarantees (each method's comment says which): SQLite (sqlite.ts, the default) and PostgreSQL (postgres.ts).
// One conformance suite (conformance.ts) runs the same cases against both. Times are milliseconds since the
// Unix epoch.
import type { AttemptStep } from '@coursekit/quiz-engine';
import type { LtiRepository } from './lti-types';

export type * from './lti-types';

export interface ClassRecord {
  id: string;
  name: string;
  joinCode: string;
  createdAt: number;
}

export interface ClassSummary extends ClassRecord {
  studentCount: number;
}

export interface StudentRecord {
  id: string;
  classId: string;
  displayName: string;
  createdAt: number;
}

export type SessionKind = 'teacher' | 'student';

export interface SessionRecord {
  id: string;
  kind: SessionKind;
  /** Set for student sessions. */
  studentId: string | null;
  /** Set for student sessions: the class the session was issued for. */
  classId: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** Whoever submits: a student in a class, or an anonymous browser session (no class). */
export type Learner =
  | { kind: 'student'; id: string; classId: string }
  | { kind: 'anonymous'; id: string; classId?: undefined };

/** What grading one question of a submission produced, kept for the teacher's item analysis. */
export interface AttemptItem {
  questionId: string;
  score: number;
  maxScore: number;
  correct: boolean;
  /** A short human-readable form of the response (`"Vladivostok"`, `"A, C"`), null when unanswered. */
  answer: string | null;
}

/**
 * A graded submission, ready to store. The attempt is kept as the quiz engine's own record: the learner's
 * seed and the steps (answers, checks, the submission) that `replayAttempt` turns back into the attempt.
 * The score columns are kept beside them for the dashboard and the gradebook.
 */
export interface GradedSubmission {
  seed: string;
  steps: AttemptStep[];
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  items: AttemptItem[];
}

export interface AttemptRecord {
  id: string;
  learnerId: string;
  studentId: string | null;
  classId: string | null;
  quizId: string;
  attemptNumber: number;
  idempotencyKey: string;
  /** The learner's quiz seed (the attempt's own seed is `seed#attemptNumber`). */
  seed: string;
  /** Every step of the attempt, ending with `submit`; checked against the step schema when read. */
  steps: AttemptStep[];
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  submittedAt: number;
}

/** The server-held steps of an attempt in progress (interactive and immediate behaviours). */
export interface OpenAttempt {
  attemptNumber: number;
  seed: string;
  steps: AttemptStep[];
  /** 1 for the first stored state, one more on every update: how a writer sees that it raced another. */
  revision: number;
  updatedAt: number;
}

export interface SubmitAttemptInput {
  learner: Learner;
  quizId: string;
  idempotencyKey: string;
  /** Hash of the submitted body: a replay with the same key but different content is refused. */
  requestHash: string;
  /** Undefined: unlimited. */
  maxAttempts: number | undefined;
  /** When the client says which attempt it answered, a mismatch is refused instead of graded. */
  expectedAttemptNumber: number | undefined;
  now: number;
  /**
   * Grades the submission as attempt `attemptNumber`, given the open attempt if there is one. Called
   * before and outside the write transaction, after the idempotency and attempt-limit checks, so a burst
   * of gradings never holds the database; if the attempt changed meanwhile (another request stored or
   * checked), it is called again with the new state. If it throws, nothing is stored and the error
   * propagates.
   */
  grade: (context: { attemptNumber: number; open: OpenAttempt | undefined }) => GradedSubmission;
}

export type SubmitAttemptOutcome =
  | { status: 'created'; attempt: AttemptRecord }
  | { status: 'replayed'; attempt: AttemptRecord }
  | { status: 'idempotency-conflict'; attempt: AttemptRecord }
  | { status: 'max-attempts'; used: number }
  | { status: 'stale-attempt'; current: number };

export interface UpdateOpenAttemptInput<T> {
  learner: Learner;
  quizId: string;
  maxAttempts: number | undefined;
  now: number;
  /**
   * Computes the new steps from the current open attempt (undefined: none open yet). Called outside the
   * write transaction and again if the attempt changed meanwhile; if it throws, nothing changes.
   * Returning `steps: null` leaves the stored attempt as it was.
   */
  update: (context: { attemptNumber: number; open: OpenAttempt | undefined }) => {
    seed: string;
    steps: AttemptStep[] | null;
    value: T;
  };
}

export type UpdateOpenAttemptOutcome<T> =
  | { status: 'updated'; attemptNumber: number; value: T }
  | { status: 'max-attempts'; used: number };

export interface CompletionRecord {
  learnerId: string;
  studentId: string | null;
  classId: string | null;
  lessonId: string;
  completedAt: number;
}

/** Per question of a quiz, over every attempt submitted by a class's students. */
export interface ItemStatistic {
  quizId: string;
  questionId: string;
  responses: number;
  /** Responses that earned full credit. */
  correct: number;
  /** The shares of the points earned, summed over the responses (partial credit counts its share). */
  credit: number;
  /** The wrong answer given most often (ties: the alphabetically first), null when none was wrong. */
  topWrongAnswer: string | null;
  topWrongCount: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** When the current window ends. */
  resetAt: number;
}

/** Generated secrets and other values kept once for every instance sharing the database. */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  /** Returns the stored value for `key`, storing `value` first when there is none (first writer wins). */
  getOrInsert(key: string, value: () => string): Promise<{ value: string; inserted: boolean }>;
}

export interface ClassesRepository {
  /** Creates a class; returns 'join-code-taken' (and stores nothing) when another class has that code. */
  create(record: ClassRecord): Promise<ClassRecord | 'join-code-taken'>;
  get(id: string): Promise<ClassRecord | undefined>;
  findByJoinCode(joinCode: string): Promise<ClassRecord | undefined>;
  list(): Promise<ClassSummary[]>;
  /**
   * Adds a student; returns 'name-taken' when the class already has that display name (compared by
   * `nameKey`). `resumeCodeHash` must be unique across all students.
   */
  createStudent(
    record: StudentRecord & { nameKey: string; resumeCodeHash: string },
  ): Promise<StudentRecord | 'name-taken'>;
  getStudent(id: string): Promise<StudentRecord | undefined>;
  findStudentByResumeCodeHash(hash: string): Promise<StudentRecord | undefined>;
  listStudents(classId: string): Promise<StudentRecord[]>;
}

export interface SessionsRepository {
  create(record: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  revoke(id: string, at: number): Promise<void>;
}

export interface AttemptsRepository {
  /**
   * Stores one graded submission atomically, durable before it resolves. At most one attempt per
   * (learner, quiz, idempotencyKey) is ever stored, even under concurrent duplicates on several
   * instances: a duplicate gets 'replayed' with the stored attempt. Attempt numbers per (learner, quiz)
   * are 1, 2, 3 ... without gaps, never above `maxAttempts`. Storing an attempt closes the learner's open
   * attempt for that quiz.
   */
  submit(input: SubmitAttemptInput): Promise<SubmitAttemptOutcome>;
  count(learnerId: string, quizId: string): Promise<number>;
  listByLearner(learnerId: string): Promise<AttemptRecord[]>;
  listByClass(classId: string): Promise<AttemptRecord[]>;
  itemStatistics(classId: string): Promise<ItemStatistic[]>;
  /** The open attempt of (learner, quiz) when it is for the next attempt number. */
  getOpen(learnerId: string, quizId: string): Promise<OpenAttempt | undefined>;
  /** Reads, updates and stores the open attempt of (learner, quiz) atomically (serialisable per pair). */
  updateOpen<T>(input: UpdateOpenAttemptInput<T>): Promise<UpdateOpenAttemptOutcome<T>>;
}

export interface CompletionsRepository {
  /** Records that a learner completed a lesson; completing it again keeps the first time. */
  record(record: CompletionRecord): Promise<{ completion: CompletionRecord; created: boolean }>;
  listByLearner(learnerId: string): Promise<CompletionRecord[]>;
  listByClass(classId: string): Promise<CompletionRecord[]>;
}

/** Fixed-window counters, atomic across instances. */
export interface LimitsRepository {
  /** Counts one hit against `key`; `allowed` is false once the count passes `limit`. */
  hit(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult>;
  /** The hits counted against `key` in the current window, without counting one. */
  peek(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
  clear(key: string): Promise<void>;
}

/** One database, by concern. */
export interface ClassroomStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Where it is, for log lines (a file path, or the PostgreSQL host and database without the password). */
  readonly location: string;
  readonly settings: SettingsRepository;
  readonly classes: ClassesRepository;
  readonly sessions: SessionsRepository;
  readonly attempts: AttemptsRepository;
  readonly completions: CompletionsRepository;
  readonly limits: LimitsRepository;
  /** The LTI 1.3 tool's keys, platforms and links. */
  readonly lti: LtiRepository;
  close(): Promise<void>;
}

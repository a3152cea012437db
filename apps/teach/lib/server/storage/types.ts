// The storage interface every route goes through. SQLite implements it today (sqlite.ts); a PostgreSQL
// implementation only has to implement these methods with the same guarantees (see each comment).
// Times are milliseconds since the Unix epoch.

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

/** A graded submission, ready to store. `state` (the submitted attempt, steps included) and `result` are JSON text. */
export interface GradedSubmission {
  state: string;
  result: string;
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
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  /** The stored grade result (JSON text), returned again on a replay. */
  result: string;
  submittedAt: number;
}

/** The server-held state of an attempt in progress (interactive and immediate behaviours). */
export interface OpenAttempt {
  attemptNumber: number;
  /** Serialised attempt state (JSON text). */
  state: string;
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
   * Grades the submission as attempt `attemptNumber`, given the open attempt state if there is one.
   * Called inside the storage transaction, after the idempotency and attempt-limit checks; if it throws,
   * nothing is stored and the error propagates.
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
   * Computes the new state from the current one (undefined: no attempt open yet). Called inside the
   * transaction; if it throws, nothing changes. Returning `state: null` leaves the stored state as it was.
   */
  update: (context: { attemptNumber: number; open: OpenAttempt | undefined }) => {
    state: string | null;
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

export interface Storage {
  getSetting(key: string): Promise<string | undefined>;
  /** Returns the stored value for `key`, storing `value` first when there is none (first writer wins). */
  getOrInsertSetting(key: string, value: () => string): Promise<{ value: string; inserted: boolean }>;

  /** Creates a class; returns 'join-code-taken' (and stores nothing) when another class has that code. */
  createClass(record: ClassRecord): Promise<ClassRecord | 'join-code-taken'>;
  getClass(id: string): Promise<ClassRecord | undefined>;
  findClassByJoinCode(joinCode: string): Promise<ClassRecord | undefined>;
  listClasses(): Promise<ClassSummary[]>;

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

  createSession(record: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  revokeSession(id: string, at: number): Promise<void>;

  /**
   * Grades and stores one submission atomically, durable before it resolves. At most one attempt per
   * (learner, quiz, idempotencyKey) is ever stored, even under concurrent duplicates: a duplicate gets
   * 'replayed' with the stored attempt. Attempt numbers per (learner, quiz) are 1, 2, 3 ... without gaps,
   * never above `maxAttempts`. Storing an attempt closes the learner's open attempt for that quiz.
   */
  submitAttempt(input: SubmitAttemptInput): Promise<SubmitAttemptOutcome>;
  countAttempts(learnerId: string, quizId: string): Promise<number>;
  listAttemptsByLearner(learnerId: string): Promise<AttemptRecord[]>;
  listAttemptsByClass(classId: string): Promise<AttemptRecord[]>;

  getOpenAttempt(learnerId: string, quizId: string): Promise<OpenAttempt | undefined>;
  /** Reads, updates and stores the open attempt of (learner, quiz) atomically. */
  updateOpenAttempt<T>(input: UpdateOpenAttemptInput<T>): Promise<UpdateOpenAttemptOutcome<T>>;

  /** Records that a learner completed a lesson; completing it again keeps the first time. */
  recordCompletion(record: CompletionRecord): Promise<{ completion: CompletionRecord; created: boolean }>;
  listCompletionsByLearner(learnerId: string): Promise<CompletionRecord[]>;
  listCompletionsByClass(classId: string): Promise<CompletionRecord[]>;

  itemStatistics(classId: string): Promise<ItemStatistic[]>;

  /** Counts one hit against `key` in a fixed window; `allowed` is false once the count passes `limit`. */
  hitRateLimit(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult>;
  /** The hits counted against `key` in the current window, without counting one. */
  peekRateLimit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
  clearRateLimit(key: string): Promise<void>;

  close(): Promise<void>;
}

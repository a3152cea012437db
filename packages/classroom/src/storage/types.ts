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
  /**
   * Set for teacher sessions: the teacher account (`owner` for the passcode login). Older rows and
   * records created without it read as null, which means the owner.
   */
  teacherId?: string | null;
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
  readonly quizSettings: QuizSettingsRepository;
  readonly marking: MarkingRepository;
  readonly roster: RosterRepository;
  readonly teachers: TeachersRepository;
  /** The LTI 1.3 tool's keys, platforms and links. */
  readonly lti: LtiRepository;
  close(): Promise<void>;
}

// ---- Teaching: per class and quiz settings, attempt allowances, marks and score overrides ----

/** When a student may see one part of a reviewed attempt (Moodle's review options). */
export type ReviewWhen = 'immediately' | 'after-last-attempt' | 'after-due-date' | 'never';

/** What a student sees of a submitted attempt, and from when; the per-question score goes with correctness. */
export interface ReviewOptions {
  correctness: ReviewWhen;
  feedback: ReviewWhen;
  correctAnswer: ReviewWhen;
  explanation: ReviewWhen;
}

/** After the due date: refuse submissions, or take them and mark them late. */
export type LatePolicy = 'refuse' | 'mark-late';

/** A teacher's settings for one quiz in one class; what is null falls back to the course file's defaults. */
export interface QuizSettingsRecord {
  classId: string;
  quizId: string;
  opensAt: number | null;
  dueAt: number | null;
  latePolicy: LatePolicy;
  review: Partial<ReviewOptions> | null;
  updatedAt: number;
}

/** Attempts one student may make beyond the quiz's `maxAttempts`. */
export interface AttemptAllowanceRecord {
  classId: string;
  studentId: string;
  quizId: string;
  extraAttempts: number;
  updatedAt: number;
}

/** The level a marker chose for one rubric criterion (by its index in the quiz file's rubric). */
export interface RubricSelection {
  criterion: number;
  /** The level's label, or null for a criterion without levels (points given directly). */
  level: string | null;
  points: number;
}

/**
 * One teacher decision on one question of a submitted attempt: a mark for an essay, or an override of a
 * graded score. Rows are never changed: the latest one for (attempt, question) counts, all form the audit
 * trail.
 */
export interface QuestionGradeRecord {
  id: string;
  attemptId: string;
  classId: string | null;
  questionId: string;
  kind: 'mark' | 'override';
  score: number;
  /** Written feedback for the student. */
  feedback: string | null;
  /** Why a score was overridden (required for overrides). */
  reason: string | null;
  rubric: RubricSelection[] | null;
  /** Who decided: a teacher account id (`owner` for the passcode account). */
  teacher: string;
  createdAt: number;
}

/** An attempt's totals after the teacher's marks and overrides. */
export interface AttemptTotals {
  score: number;
  percent: number;
  passed: boolean;
}

export interface QuizSettingsRepository {
  get(classId: string, quizId: string): Promise<QuizSettingsRecord | undefined>;
  listByClass(classId: string): Promise<QuizSettingsRecord[]>;
  /** Stores the settings of (class, quiz), replacing what was there. */
  put(record: QuizSettingsRecord): Promise<QuizSettingsRecord>;
  getAllowance(studentId: string, quizId: string): Promise<AttemptAllowanceRecord | undefined>;
  listAllowances(classId: string): Promise<AttemptAllowanceRecord[]>;
  /** Adds `extraAttempts` to the student's allowance atomically (two teachers granting one each: two). */
  grantAttempts(input: {
    classId: string;
    studentId: string;
    quizId: string;
    extraAttempts: number;
    now: number;
  }): Promise<AttemptAllowanceRecord>;
}

export interface MarkingRepository {
  /** One submitted attempt by id. */
  getAttempt(attemptId: string): Promise<AttemptRecord | undefined>;
  /**
   * Stores a grade and the attempt's new totals in one transaction. `recompute` is called inside it with
   * every grade of the attempt, the new one last, so two teachers marking one attempt at once both count.
   */
  record(input: {
    grade: QuestionGradeRecord;
    recompute: (grades: readonly QuestionGradeRecord[]) => AttemptTotals;
  }): Promise<{ grade: QuestionGradeRecord; totals: AttemptTotals }>;
  /** Every grade of an attempt, oldest first (the audit trail). */
  listByAttempt(attemptId: string): Promise<QuestionGradeRecord[]>;
  /** Every grade of a class's attempts, oldest first. */
  listByClass(classId: string): Promise<QuestionGradeRecord[]>;
  /** Keeps the audit record of a re-opened attempt. */
  recordReopen(record: AttemptReopenRecord): Promise<void>;
  /** Every re-opening of a class's attempts, oldest first. */
  listReopens(classId: string): Promise<AttemptReopenRecord[]>;
}

/** A teacher re-opened a submitted attempt: its answers became the draft of attempt `draftAttemptNumber`. */
export interface AttemptReopenRecord {
  id: string;
  attemptId: string;
  classId: string | null;
  studentId: string;
  quizId: string;
  draftAttemptNumber: number;
  /** Attempts granted so that the student has one to continue in (0 when one was left). */
  extraAttempts: number;
  reason: string | null;
  teacher: string;
  createdAt: number;
}

// ---- Roster: identifiers, renames, removals, archived classes ----

export interface RosterEntry {
  studentId: string;
  classId: string;
  /** The school's identifier for the student (from the join form or a roster CSV), or null. */
  identifier: string | null;
  removedAt: number | null;
}

export interface RosterRepository {
  listByClass(classId: string): Promise<RosterEntry[]>;
  get(studentId: string): Promise<RosterEntry | undefined>;
  /** Sets or clears an identifier; 'identifier-taken' when another student of the class has it. */
  setIdentifier(input: {
    classId: string;
    studentId: string;
    identifier: string | null;
  }): Promise<RosterEntry | 'identifier-taken'>;
  /** 'name-taken' when the class already has that display name (by `nameKey`). */
  renameStudent(studentId: string, displayName: string, nameKey: string): Promise<'renamed' | 'name-taken'>;
  /**
   * Removes a student from the class in one transaction: marked removed, display name freed, every
   * session ended. Their attempts stay (the audit trail needs them).
   */
  removeStudent(studentId: string, classId: string, at: number): Promise<void>;
  renameClass(classId: string, name: string): Promise<void>;
  /** Archives (`at`) or restores (null) a class. */
  setArchived(classId: string, at: number | null): Promise<void>;
  archivedAt(classId: string): Promise<number | null>;
  listArchived(): Promise<Map<string, number>>;
}

// ---- Teacher accounts: the owner (passcode login) and invited teachers (name and password) ----

/** The owner's account id is `owner`: the `TEACHER_PASSCODE` (or generated passcode) logs in as it. */
export type TeacherRole = 'owner' | 'teacher';

export interface TeacherRecord {
  id: string;
  name: string;
  role: TeacherRole;
  /** Who invited this teacher (null for the owner). */
  invitedBy: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface TeacherInviteRecord {
  id: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
  revokedAt: number | null;
}

export type AcceptInviteOutcome =
  | { status: 'created'; teacher: TeacherRecord }
  | { status: 'unknown' | 'expired' | 'used' | 'revoked' | 'name-taken' };

export interface TeachersRepository {
  /** Creates the owner's account on the first start (first writer wins); returns it either way. */
  ensureOwner(input: { name: string; nameKey: string; now: number }): Promise<TeacherRecord>;
  get(id: string): Promise<TeacherRecord | undefined>;
  /** Every account, the owner first, then by creation. */
  list(): Promise<TeacherRecord[]>;
  /** A live or revoked invited teacher by name key, with the password hash to check. */
  findLogin(nameKey: string): Promise<{ teacher: TeacherRecord; passwordHash: string } | undefined>;
  /** Stores an invite; only the hash of its token is kept. */
  createInvite(record: TeacherInviteRecord & { tokenHash: string }): Promise<void>;
  listInvites(): Promise<TeacherInviteRecord[]>;
  /** Withdraws an unused invite; false when it is unknown, used or withdrawn already. */
  revokeInvite(id: string, at: number): Promise<boolean>;
  /**
   * Uses an invite and creates its teacher in one transaction: an invite is used at most once, even by
   * two requests at once on two instances. 'name-taken' uses nothing.
   */
  acceptInvite(input: {
    tokenHash: string;
    now: number;
    teacher: { id: string; name: string; nameKey: string; passwordHash: string };
  }): Promise<AcceptInviteOutcome>;
  /** Revokes an invited teacher's account and ends every session of it, in one transaction. */
  revoke(teacherId: string, at: number): Promise<'revoked' | 'unknown' | 'owner'>;
}

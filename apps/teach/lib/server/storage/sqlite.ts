import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index';
import type {
  AttemptRecord,
  ClassRecord,
  ClassSummary,
  CompletionRecord,
  ItemStatistic,
  OpenAttempt,
  RateLimitResult,
  SessionRecord,
  Storage,
  StudentRecord,
  SubmitAttemptInput,
  SubmitAttemptOutcome,
  UpdateOpenAttemptInput,
  UpdateOpenAttemptOutcome,
} from './types';

type Row = Record<string, unknown>;

const attemptColumns = `id, learner_id, student_id, class_id, quiz_id, attempt_number, idempotency_key,
  request_hash, score, max_score, percent, passed, result, submitted_at`;

function toAttempt(row: Row): AttemptRecord {
  return {
    id: row.id as string,
    learnerId: row.learner_id as string,
    studentId: (row.student_id as string | null) ?? null,
    classId: (row.class_id as string | null) ?? null,
    quizId: row.quiz_id as string,
    attemptNumber: row.attempt_number as number,
    idempotencyKey: row.idempotency_key as string,
    score: row.score as number,
    maxScore: row.max_score as number,
    percent: row.percent as number,
    passed: row.passed === 1,
    result: row.result as string,
    submittedAt: row.submitted_at as number,
  };
}

function toClass(row: Row): ClassRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    joinCode: row.join_code as string,
    createdAt: row.created_at as number,
  };
}

function toStudent(row: Row): StudentRecord {
  return {
    id: row.id as string,
    classId: row.class_id as string,
    displayName: row.display_name as string,
    createdAt: row.created_at as number,
  };
}

function toSession(row: Row): SessionRecord {
  return {
    id: row.id as string,
    kind: row.kind as SessionRecord['kind'],
    studentId: (row.student_id as string | null) ?? null,
    classId: (row.class_id as string | null) ?? null,
    createdAt: row.created_at as number,
    expiresAt: row.expires_at as number,
    revokedAt: (row.revoked_at as number | null) ?? null,
  };
}

function toCompletion(row: Row): CompletionRecord {
  return {
    learnerId: row.learner_id as string,
    studentId: (row.student_id as string | null) ?? null,
    classId: (row.class_id as string | null) ?? null,
    lessonId: row.lesson_id as string,
    completedAt: row.completed_at as number,
  };
}

function isUniqueViolation(error: unknown, columns: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(columns)
  );
}

/** Applies the migrations not yet recorded in `schema_migrations`, all in one immediate transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const run = db.transaction(() => {
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new Error(
        `The database has schema version ${Math.max(...unknown)}, newer than this app knows (${newest}). ` +
          'Run the newer version of the app, or point DATABASE_URL at another file.',
      );
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
      done.push(migration.version);
    }
    return done;
  });
  return run.immediate();
}

/** Opens (creating if needed) the SQLite file, sets it up for durable concurrent use and migrates it. */
export function openSqliteDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the database file ${path} (${reason}). Set DATABASE_URL to a writable file path.`,
    );
  }
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before submitAttempt resolves, so an acknowledged submission survives a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

interface PendingSubmission {
  input: SubmitAttemptInput;
  resolve: (outcome: SubmitAttemptOutcome) => void;
  reject: (error: unknown) => void;
}

export class SqliteStorage implements Storage {
  readonly db: Database.Database;
  private rateLimitHits = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private pendingSubmissions: PendingSubmission[] = [];
  private flushScheduled = false;
  private readonly submitOne: (input: SubmitAttemptInput) => SubmitAttemptOutcome;

  constructor(db: Database.Database) {
    this.db = db;
    // Called inside the batch transaction, so better-sqlite3 runs it as a SAVEPOINT: a submission whose
    // grading throws is rolled back alone.
    this.submitOne = db.transaction((input: SubmitAttemptInput) => this.storeSubmission(input));
  }

  /** Prepared statements are reused: preparing SQL costs more than running it. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  static open(path: string): SqliteStorage {
    return new SqliteStorage(openSqliteDatabase(path));
  }

  async getSetting(key: string) {
    const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
    return row ? (row.value as string) : undefined;
  }

  async getOrInsertSetting(key: string, value: () => string) {
    const tx = this.db.transaction(() => {
      const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
      if (row) return { value: row.value as string, inserted: false };
      const fresh = value();
      this.stmt('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, fresh);
      return { value: fresh, inserted: true };
    });
    return tx.immediate();
  }

  async createClass(record: ClassRecord) {
    try {
      this.stmt('INSERT INTO classes (id, name, join_code, created_at) VALUES (?, ?, ?, ?)').run(
        record.id,
        record.name,
        record.joinCode,
        record.createdAt,
      );
      return record;
    } catch (error) {
      if (isUniqueViolation(error, 'classes.join_code')) return 'join-code-taken' as const;
      throw error;
    }
  }

  async getClass(id: string) {
    const row = this.stmt('SELECT * FROM classes WHERE id = ?').get(id) as Row | undefined;
    return row ? toClass(row) : undefined;
  }

  async findClassByJoinCode(joinCode: string) {
    const row = this.stmt('SELECT * FROM classes WHERE join_code = ?').get(joinCode) as Row | undefined;
    return row ? toClass(row) : undefined;
  }

  async listClasses(): Promise<ClassSummary[]> {
    const rows = this.stmt(
      `SELECT c.*, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS student_count
         FROM classes c ORDER BY c.created_at, c.id`,
    ).all() as Row[];
    return rows.map((row) => ({ ...toClass(row), studentCount: row.student_count as number }));
  }

  async createStudent(record: StudentRecord & { nameKey: string; resumeCodeHash: string }) {
    try {
      this.stmt(
        `INSERT INTO students (id, class_id, display_name, name_key, resume_code_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        record.classId,
        record.displayName,
        record.nameKey,
        record.resumeCodeHash,
        record.createdAt,
      );
      return {
        id: record.id,
        classId: record.classId,
        displayName: record.displayName,
        createdAt: record.createdAt,
      };
    } catch (error) {
      if (isUniqueViolation(error, 'students.class_id, students.name_key')) return 'name-taken' as const;
      throw error;
    }
  }

  async getStudent(id: string) {
    const row = this.stmt('SELECT * FROM students WHERE id = ?').get(id) as Row | undefined;
    return row ? toStudent(row) : undefined;
  }

  async findStudentByResumeCodeHash(hash: string) {
    const row = this.stmt('SELECT * FROM students WHERE resume_code_hash = ?').get(hash) as Row | undefined;
    return row ? toStudent(row) : undefined;
  }

  async listStudents(classId: string) {
    const rows = this.stmt('SELECT * FROM students WHERE class_id = ? ORDER BY created_at, id').all(
      classId,
    ) as Row[];
    return rows.map(toStudent);
  }

  async createSession(record: SessionRecord) {
    this.stmt(
      `INSERT INTO sessions (id, kind, student_id, class_id, created_at, expires_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.kind,
      record.studentId,
      record.classId,
      record.createdAt,
      record.expiresAt,
      record.revokedAt,
    );
  }

  async getSession(id: string) {
    const row = this.stmt('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
    return row ? toSession(row) : undefined;
  }

  async revokeSession(id: string, at: number) {
    this.stmt('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
  }

  private selectOpenAttempt(learnerId: string, quizId: string): OpenAttempt | undefined {
    const row = this.stmt(
      'SELECT attempt_number, state, updated_at FROM open_attempts WHERE learner_id = ? AND quiz_id = ?',
    ).get(learnerId, quizId) as Row | undefined;
    return row
      ? {
          attemptNumber: row.attempt_number as number,
          state: row.state as string,
          updatedAt: row.updated_at as number,
        }
      : undefined;
  }

  private countAttemptsSync(learnerId: string, quizId: string): number {
    const row = this.stmt('SELECT COUNT(*) AS n FROM attempts WHERE learner_id = ? AND quiz_id = ?').get(
      learnerId,
      quizId,
    ) as Row;
    return row.n as number;
  }

  /**
   * Submissions that arrive while the event loop is busy are stored together in one transaction, so one
   * fsync (synchronous=FULL) makes a whole batch durable; each promise resolves only after that commit.
   */
  submitAttempt(input: SubmitAttemptInput): Promise<SubmitAttemptOutcome> {
    return new Promise((resolve, reject) => {
      this.pendingSubmissions.push({ input, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushSubmissions());
      }
    });
  }

  private flushSubmissions(): void {
    this.flushScheduled = false;
    const batch = this.pendingSubmissions;
    this.pendingSubmissions = [];
    type Settled = { ok: true; outcome: SubmitAttemptOutcome } | { ok: false; error: unknown };
    let settled: Settled[];
    try {
      // IMMEDIATE takes the write lock up front, so two instances cannot both count the same attempt number.
      settled = this.db
        .transaction(() =>
          batch.map(({ input }): Settled => {
            try {
              return { ok: true, outcome: this.submitOne(input) };
            } catch (error) {
              return { ok: false, error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const result = settled[index] as Settled;
      if (result.ok) pending.resolve(result.outcome);
      else pending.reject(result.error);
    });
  }

  private storeSubmission(input: SubmitAttemptInput): SubmitAttemptOutcome {
    const { learner, quizId, idempotencyKey } = input;
    const existing = this.stmt(
      `SELECT ${attemptColumns} FROM attempts WHERE learner_id = ? AND quiz_id = ? AND idempotency_key = ?`,
    ).get(learner.id, quizId, idempotencyKey) as Row | undefined;
    if (existing) {
      const attempt = toAttempt(existing);
      return existing.request_hash === input.requestHash
        ? { status: 'replayed', attempt }
        : { status: 'idempotency-conflict', attempt };
    }
    const used = this.countAttemptsSync(learner.id, quizId);
    if (input.maxAttempts !== undefined && used >= input.maxAttempts) return { status: 'max-attempts', used };
    const attemptNumber = used + 1;
    if (input.expectedAttemptNumber !== undefined && input.expectedAttemptNumber !== attemptNumber) {
      return { status: 'stale-attempt', current: attemptNumber };
    }
    const open = this.selectOpenAttempt(learner.id, quizId);
    const graded = input.grade({
      attemptNumber,
      open: open && open.attemptNumber === attemptNumber ? open : undefined,
    });
    const id = `att_${randomBytes(12).toString('base64url')}`;
    const studentId = learner.kind === 'student' ? learner.id : null;
    const classId = learner.kind === 'student' ? learner.classId : null;
    this.stmt(
      `INSERT INTO attempts (id, learner_id, student_id, class_id, quiz_id, attempt_number, idempotency_key,
           request_hash, state, result, score, max_score, percent, passed, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      learner.id,
      studentId,
      classId,
      quizId,
      attemptNumber,
      idempotencyKey,
      input.requestHash,
      graded.state,
      graded.result,
      graded.score,
      graded.maxScore,
      graded.percent,
      graded.passed ? 1 : 0,
      input.now,
    );
    const insertItem = this.stmt(
      `INSERT INTO attempt_items (attempt_id, question_id, score, max_score, correct, answer)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const item of graded.items) {
      insertItem.run(id, item.questionId, item.score, item.maxScore, item.correct ? 1 : 0, item.answer);
    }
    this.stmt('DELETE FROM open_attempts WHERE learner_id = ? AND quiz_id = ?').run(learner.id, quizId);
    return {
      status: 'created',
      attempt: {
        id,
        learnerId: learner.id,
        studentId,
        classId,
        quizId,
        attemptNumber,
        idempotencyKey,
        score: graded.score,
        maxScore: graded.maxScore,
        percent: graded.percent,
        passed: graded.passed,
        result: graded.result,
        submittedAt: input.now,
      },
    };
  }

  async countAttempts(learnerId: string, quizId: string) {
    return this.countAttemptsSync(learnerId, quizId);
  }

  async listAttemptsByLearner(learnerId: string) {
    const rows = this.stmt(
      `SELECT ${attemptColumns} FROM attempts WHERE learner_id = ? ORDER BY submitted_at, attempt_number`,
    ).all(learnerId) as Row[];
    return rows.map(toAttempt);
  }

  async listAttemptsByClass(classId: string) {
    const rows = this.stmt(
      `SELECT ${attemptColumns} FROM attempts WHERE class_id = ? ORDER BY submitted_at, attempt_number`,
    ).all(classId) as Row[];
    return rows.map(toAttempt);
  }

  async getOpenAttempt(learnerId: string, quizId: string) {
    const open = this.selectOpenAttempt(learnerId, quizId);
    if (!open) return undefined;
    // An open attempt left behind for an attempt number already submitted is stale.
    return open.attemptNumber === this.countAttemptsSync(learnerId, quizId) + 1 ? open : undefined;
  }

  async updateOpenAttempt<T>(input: UpdateOpenAttemptInput<T>): Promise<UpdateOpenAttemptOutcome<T>> {
    const { learner, quizId } = input;
    const tx = this.db.transaction((): UpdateOpenAttemptOutcome<T> => {
      const used = this.countAttemptsSync(learner.id, quizId);
      if (input.maxAttempts !== undefined && used >= input.maxAttempts)
        return { status: 'max-attempts', used };
      const attemptNumber = used + 1;
      const stored = this.selectOpenAttempt(learner.id, quizId);
      const open = stored && stored.attemptNumber === attemptNumber ? stored : undefined;
      const { state, value } = input.update({ attemptNumber, open });
      if (state !== null) {
        this.stmt(
          `INSERT INTO open_attempts (learner_id, quiz_id, attempt_number, state, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (learner_id, quiz_id) DO UPDATE SET
               attempt_number = excluded.attempt_number, state = excluded.state, updated_at = excluded.updated_at`,
        ).run(learner.id, quizId, attemptNumber, state, input.now);
      }
      return { status: 'updated', attemptNumber, value };
    });
    return tx.immediate();
  }

  async recordCompletion(record: CompletionRecord) {
    const tx = this.db.transaction(() => {
      const inserted = this.stmt(
        `INSERT INTO completions (learner_id, student_id, class_id, lesson_id, completed_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (learner_id, lesson_id) DO NOTHING`,
      ).run(record.learnerId, record.studentId, record.classId, record.lessonId, record.completedAt);
      const row = this.stmt('SELECT * FROM completions WHERE learner_id = ? AND lesson_id = ?').get(
        record.learnerId,
        record.lessonId,
      ) as Row;
      return { completion: toCompletion(row), created: inserted.changes === 1 };
    });
    return tx.immediate();
  }

  async listCompletionsByLearner(learnerId: string) {
    const rows = this.stmt(
      'SELECT * FROM completions WHERE learner_id = ? ORDER BY completed_at, lesson_id',
    ).all(learnerId) as Row[];
    return rows.map(toCompletion);
  }

  async listCompletionsByClass(classId: string) {
    const rows = this.stmt(
      'SELECT * FROM completions WHERE class_id = ? ORDER BY completed_at, lesson_id',
    ).all(classId) as Row[];
    return rows.map(toCompletion);
  }

  async itemStatistics(classId: string): Promise<ItemStatistic[]> {
    const totals = this.stmt(
      `SELECT a.quiz_id, i.question_id, COUNT(*) AS responses, SUM(i.correct) AS correct,
              SUM(CASE WHEN i.max_score > 0 THEN i.score * 1.0 / i.max_score ELSE 0 END) AS credit
         FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
         WHERE a.class_id = ?
         GROUP BY a.quiz_id, i.question_id`,
    ).all(classId) as Row[];
    const wrong = this.stmt(
      `SELECT a.quiz_id, i.question_id, i.answer, COUNT(*) AS n
         FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
         WHERE a.class_id = ? AND i.correct = 0 AND i.answer IS NOT NULL
         GROUP BY a.quiz_id, i.question_id, i.answer
         ORDER BY n DESC, i.answer ASC`,
    ).all(classId) as Row[];
    const topWrong = new Map<string, { answer: string; count: number }>();
    for (const row of wrong) {
      const key = `${row.quiz_id}\u0000${row.question_id}`;
      if (!topWrong.has(key)) topWrong.set(key, { answer: row.answer as string, count: row.n as number });
    }
    return totals.map((row) => {
      const top = topWrong.get(`${row.quiz_id}\u0000${row.question_id}`);
      return {
        quizId: row.quiz_id as string,
        questionId: row.question_id as string,
        responses: row.responses as number,
        correct: row.correct as number,
        credit: row.credit as number,
        topWrongAnswer: top?.answer ?? null,
        topWrongCount: top?.count ?? 0,
      };
    });
  }

  async hitRateLimit(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult> {
    if (++this.rateLimitHits % 200 === 0) {
      this.stmt('DELETE FROM rate_limits WHERE window_start < ?').run(now - 24 * 60 * 60 * 1000);
    }
    // In an UPDATE every right-hand side sees the row as it was, so both CASEs test the old window.
    const row = this.stmt(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (@key, @now, 1)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN window_start + @window <= @now THEN 1 ELSE count + 1 END,
           window_start = CASE WHEN window_start + @window <= @now THEN @now ELSE window_start END
         RETURNING window_start, count`,
    ).get({ key, now, window: windowMs }) as Row;
    const count = row.count as number;
    return { allowed: count <= limit, count, resetAt: (row.window_start as number) + windowMs };
  }

  async peekRateLimit(key: string, windowMs: number, now: number) {
    const row = this.stmt('SELECT window_start, count FROM rate_limits WHERE key = ?').get(key) as
      | Row
      | undefined;
    if (!row || (row.window_start as number) + windowMs <= now) return { count: 0, resetAt: now + windowMs };
    return { count: row.count as number, resetAt: (row.window_start as number) + windowMs };
  }

  async clearRateLimit(key: string) {
    this.stmt('DELETE FROM rate_limits WHERE key = ?').run(key);
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}

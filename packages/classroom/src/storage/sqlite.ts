import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { randomId } from './ids';
import { sqliteLtiRepository } from './lti-sqlite';
import type { LtiRepository } from './lti-types';
import { migrations as allMigrations, type Migration } from './migrations/sqlite/index';
import {
  attemptColumns,
  combineItemStatistics,
  num,
  type Row,
  StoreUnavailableError,
  text,
  toAttempt,
  toClass,
  toCompletion,
  toOpen,
  toSession,
  toStudent,
} from './records';
import { sqliteRoster } from './roster-sqlite';
import { sqliteTeachers } from './teachers-sqlite';
import { sqliteMarking, sqliteQuizSettings } from './teaching-sqlite';
import type {
  AttemptItem,
  AttemptsRepository,
  ClassesRepository,
  ClassroomStore,
  ClassSummary,
  CompletionsRepository,
  ItemStatistic,
  LimitsRepository,
  MarkingRepository,
  OpenAttempt,
  QuizSettingsRepository,
  RateLimitResult,
  RosterRepository,
  SessionsRepository,
  SettingsRepository,
  SubmitAttemptInput,
  SubmitAttemptOutcome,
  TeachersRepository,
  UpdateOpenAttemptInput,
  UpdateOpenAttemptOutcome,
} from './types';
import { WalCheckpointer } from './wal-checkpoint';
import { type FsyncFile, WalSync } from './wal-sync';

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
  // FULL: a commit is on disk before the write resolves, so an acknowledged write survives a crash. The
  // submission and check paths commit with NORMAL instead and flush the WAL off the event loop (wal-sync.ts).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** What a submission saw before grading; the write stores it only if the database still shows the same. */
interface Snapshot {
  used: number;
  openRevision: number | null;
}

interface PendingSubmission {
  input: SubmitAttemptInput;
  snapshot: Snapshot;
  graded: ReturnType<SubmitAttemptInput['grade']>;
  resolve: (outcome: SubmitAttemptOutcome | 'changed') => void;
  reject: (error: unknown) => void;
}

/** How a store is set up beyond its database; tests replace the fsync to watch acknowledgements wait for it. */
export interface SqliteStoreOptions {
  fsyncFile?: FsyncFile;
  /** Default true: checkpoint the WAL on a worker thread; false leaves it to SQLite, inside commits. */
  checkpointOnWorker?: boolean;
}

/** How many submissions one write transaction stores before the event loop gets a turn. */
const SUBMISSIONS_PER_TRANSACTION = 32;
/** Rows per multi-row INSERT of attempt items: 6 parameters each, far below SQLite's limit of 32,766. */
const ITEMS_PER_INSERT = 50;

/** `PRAGMA synchronous` levels: 2 FULL and 3 EXTRA flush every commit themselves. */
const SYNCHRONOUS_FULL = 2;
/**
 * While the checkpoint worker runs, SQLite checkpoints inside a commit only once the WAL passes this many
 * pages (about 40 MB), which the worker keeps it far below; SQLite's default is 1,000.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The SQLite engine: one file, WAL, synchronous=FULL. Writes take the write lock up front (BEGIN
 * IMMEDIATE), so instances sharing the file cannot both count the same attempt number. Submissions and
 * checks, the writes a class sends in bursts, commit in groups and are flushed to the disk on the thread
 * pool (`WalSync`) before they resolve, so a burst's fsyncs never stall the event loop.
 */
export class SqliteStore implements ClassroomStore {
  readonly engine = 'sqlite' as const;
  readonly db: Database.Database;
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
  readonly lti: LtiRepository;
  private rateLimitHits = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly itemInserts: Database.Statement[] = [];
  private pendingSubmissions: PendingSubmission[] = [];
  private flushScheduled = false;
  private readonly storeOne: (pending: PendingSubmission) => SubmitAttemptOutcome | 'changed';
  /** Set on a WAL file whose commits are flushed by SQLite (FULL): hot paths then flush it themselves. */
  private readonly walSync: WalSync | undefined;
  /** Copies the WAL into the database file on a worker thread, not inside a commit on the event loop. */
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly synchronous: number;
  /** The file's identity when it was opened; a different one (or none) means it was deleted or replaced. */
  private readonly fileIdentity: { dev: number; ino: number } | undefined;

  constructor(db: Database.Database, location = db.name, options: SqliteStoreOptions = {}) {
    this.db = db;
    this.location = location;
    this.fileIdentity = fileIdentityOf(db);
    this.synchronous = Number(db.pragma('synchronous', { simple: true }));
    const wal = String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    this.walSync =
      wal && !db.memory && this.synchronous >= SYNCHRONOUS_FULL
        ? new WalSync(db.name, options.fsyncFile)
        : undefined;
    if (this.walSync && options.checkpointOnWorker !== false) {
      this.checkpointer = new WalCheckpointer(db.name, (reason) => {
        console.error(
          `[coursekit] The WAL checkpoint worker for ${db.name} stopped (${reason}); SQLite checkpoints in its commits again.`,
        );
        if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      });
      db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    }
    // Called inside the batch transaction, so better-sqlite3 runs it as a SAVEPOINT: one submission that
    // fails is rolled back alone.
    this.storeOne = db.transaction((pending: PendingSubmission) => this.storeSubmission(pending));
    const store = this;
    const prepare = (sql: string) => this.stmt(sql);
    const assertWritable = () => this.assertWritable();
    this.quizSettings = sqliteQuizSettings(prepare, assertWritable);
    this.marking = sqliteMarking(db, prepare, assertWritable);
    this.roster = sqliteRoster(db, prepare, assertWritable);
    this.teachers = sqliteTeachers(db, prepare, assertWritable);
    this.settings = {
      async get(key) {
        const row = store.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
        return row ? text(row.value) : undefined;
      },
      async getOrInsert(key, value) {
        store.assertWritable();
        const tx = db.transaction(() => {
          const row = store.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
          if (row) return { value: text(row.value), inserted: false };
          const fresh = value();
          store.stmt('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, fresh);
          return { value: fresh, inserted: true };
        });
        return tx.immediate();
      },
    };
    this.classes = {
      async create(record) {
        store.assertWritable();
        try {
          store
            .stmt('INSERT INTO classes (id, name, join_code, created_at) VALUES (?, ?, ?, ?)')
            .run(record.id, record.name, record.joinCode, record.createdAt);
          return record;
        } catch (error) {
          if (isUniqueViolation(error, 'classes.join_code')) return 'join-code-taken' as const;
          throw error;
        }
      },
      async get(id) {
        const row = store.stmt('SELECT * FROM classes WHERE id = ?').get(id) as Row | undefined;
        return row ? toClass(row) : undefined;
      },
      async findByJoinCode(joinCode) {
        const row = store.stmt('SELECT * FROM classes WHERE join_code = ?').get(joinCode) as Row | undefined;
        return row ? toClass(row) : undefined;
      },
      async list(): Promise<ClassSummary[]> {
        const rows = store
          .stmt(
            `SELECT c.*, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS student_count
               FROM classes c ORDER BY c.created_at, c.id`,
          )
          .all() as Row[];
        return rows.map((row) => ({ ...toClass(row), studentCount: num(row.student_count) }));
      },
      async createStudent(record) {
        store.assertWritable();
        try {
          store
            .stmt(
              `INSERT INTO students (id, class_id, display_name, name_key, resume_code_hash, created_at)
                 VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(
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
      },
      async getStudent(id) {
        const row = store.stmt('SELECT * FROM students WHERE id = ?').get(id) as Row | undefined;
        return row ? toStudent(row) : undefined;
      },
      async findStudentByResumeCodeHash(hash) {
        const row = store.stmt('SELECT * FROM students WHERE resume_code_hash = ?').get(hash) as
          | Row
          | undefined;
        return row ? toStudent(row) : undefined;
      },
      async listStudents(classId) {
        const rows = store
          .stmt('SELECT * FROM students WHERE class_id = ? ORDER BY created_at, id')
          .all(classId) as Row[];
        return rows.map(toStudent);
      },
    };
    this.sessions = {
      async create(record) {
        store.assertWritable();
        store
          .stmt(
            `INSERT INTO sessions (id, kind, student_id, class_id, created_at, expires_at, revoked_at, teacher_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            record.id,
            record.kind,
            record.studentId,
            record.classId,
            record.createdAt,
            record.expiresAt,
            record.revokedAt,
            record.teacherId ?? null,
          );
      },
      async get(id) {
        const row = store.stmt('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
        return row ? toSession(row) : undefined;
      },
      async revoke(id, at) {
        store.assertWritable();
        store.stmt('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
      },
    };
    this.attempts = {
      submit: (input) => this.submitAttempt(input),
      count: async (learnerId, quizId) => this.countAttempts(learnerId, quizId),
      async listByLearner(learnerId) {
        const rows = store
          .stmt(
            `SELECT ${attemptColumns} FROM attempts WHERE learner_id = ? ORDER BY submitted_at, attempt_number`,
          )
          .all(learnerId) as Row[];
        return rows.map(toAttempt);
      },
      async listByClass(classId) {
        const rows = store
          .stmt(
            `SELECT ${attemptColumns} FROM attempts WHERE class_id = ? ORDER BY submitted_at, attempt_number`,
          )
          .all(classId) as Row[];
        return rows.map(toAttempt);
      },
      itemStatistics: async (classId) => this.itemStatistics(classId),
      getOpen: async (learnerId, quizId) => {
        const open = this.selectOpen(learnerId, quizId);
        // An open attempt left behind for an attempt number already submitted is stale.
        return open && open.attemptNumber === this.countAttempts(learnerId, quizId) + 1 ? open : undefined;
      },
      updateOpen: (input) => this.updateOpen(input),
    };
    this.completions = {
      async record(record) {
        store.assertWritable();
        const tx = db.transaction(() => {
          const inserted = store
            .stmt(
              `INSERT INTO completions (learner_id, student_id, class_id, lesson_id, completed_at)
                 VALUES (?, ?, ?, ?, ?) ON CONFLICT (learner_id, lesson_id) DO NOTHING`,
            )
            .run(record.learnerId, record.studentId, record.classId, record.lessonId, record.completedAt);
          const row = store
            .stmt('SELECT * FROM completions WHERE learner_id = ? AND lesson_id = ?')
            .get(record.learnerId, record.lessonId) as Row;
          return { completion: toCompletion(row), created: inserted.changes === 1 };
        });
        return tx.immediate();
      },
      async listByLearner(learnerId) {
        const rows = store
          .stmt('SELECT * FROM completions WHERE learner_id = ? ORDER BY completed_at, lesson_id')
          .all(learnerId) as Row[];
        return rows.map(toCompletion);
      },
      async listByClass(classId) {
        const rows = store
          .stmt('SELECT * FROM completions WHERE class_id = ? ORDER BY completed_at, lesson_id')
          .all(classId) as Row[];
        return rows.map(toCompletion);
      },
    };
    this.lti = sqliteLtiRepository(db, () => this.assertWritable());
    this.limits = {
      hit: async (key, limit, windowMs, now) => this.hitRateLimit(key, limit, windowMs, now),
      async peek(key, windowMs, now) {
        const row = store.stmt('SELECT window_start, count FROM rate_limits WHERE key = ?').get(key) as
          | Row
          | undefined;
        if (!row || num(row.window_start) + windowMs <= now) return { count: 0, resetAt: now + windowMs };
        return { count: num(row.count), resetAt: num(row.window_start) + windowMs };
      },
      async clear(key) {
        store.assertWritable();
        store.stmt('DELETE FROM rate_limits WHERE key = ?').run(key);
      },
    };
  }

  /** Opens (creating if needed) and migrates the file at `path`. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(openSqliteDatabase(path), path, options);
  }

  /**
   * Runs `work` in one immediate transaction. On a WAL file the commit only writes the WAL (NORMAL for this
   * transaction) and `durable` resolves once the WAL is flushed on the thread pool: acknowledge only then.
   */
  private commitInGroup<T>(work: () => T): { value: T; durable: Promise<void> } {
    const sync = this.walSync;
    if (!sync) return { value: this.db.transaction(work).immediate(), durable: Promise.resolve() };
    this.stmt('PRAGMA synchronous = NORMAL').run();
    let value: T;
    try {
      value = this.db.transaction(work).immediate();
    } finally {
      this.stmt(`PRAGMA synchronous = ${this.synchronous}`).run();
    }
    return { value, durable: sync.durable() };
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

  /**
   * Refuses to write once the file was deleted or replaced under the running server: SQLite would go on
   * writing into the unlinked file and every acknowledged write would be lost at the next restart.
   */
  private assertWritable(): void {
    if (!this.fileIdentity) return;
    let current: { dev: number; ino: number } | undefined;
    try {
      const stat = statSync(this.db.name);
      current = { dev: stat.dev, ino: stat.ino };
    } catch {
      current = undefined;
    }
    if (!current || current.dev !== this.fileIdentity.dev || current.ino !== this.fileIdentity.ino) {
      throw new StoreUnavailableError(
        `The database file ${this.db.name} was ${current ? 'replaced' : 'deleted'} while the server was running; ` +
          'writes are refused so that nothing is acknowledged into a file that is gone. Restore the file or ' +
          'restart the server.',
      );
    }
    // Every write passes here first: the checkpoint that follows is one for all writes until it starts.
    this.checkpointer?.requested();
  }

  private selectOpen(learnerId: string, quizId: string): OpenAttempt | undefined {
    const row = this.stmt(
      'SELECT attempt_number, seed, steps, revision, updated_at FROM open_attempts WHERE learner_id = ? AND quiz_id = ?',
    ).get(learnerId, quizId) as Row | undefined;
    return row ? toOpen(row, `open attempt of ${learnerId} at ${quizId}`) : undefined;
  }

  private countAttempts(learnerId: string, quizId: string): number {
    const row = this.stmt('SELECT COUNT(*) AS n FROM attempts WHERE learner_id = ? AND quiz_id = ?').get(
      learnerId,
      quizId,
    ) as Row;
    return num(row.n);
  }

  private existingAttempt(input: SubmitAttemptInput): SubmitAttemptOutcome | undefined {
    const existing = this.stmt(
      `SELECT ${attemptColumns} FROM attempts WHERE learner_id = ? AND quiz_id = ? AND idempotency_key = ?`,
    ).get(input.learner.id, input.quizId, input.idempotencyKey) as Row | undefined;
    if (!existing) return undefined;
    const attempt = toAttempt(existing);
    return existing.request_hash === input.requestHash
      ? { status: 'replayed', attempt }
      : { status: 'idempotency-conflict', attempt };
  }

  /**
   * Grades outside the write transaction; submissions that arrive while the event loop is busy are then
   * stored together in one short transaction, so one fsync (synchronous=FULL) makes a whole batch durable.
   * Each promise resolves only after that commit. A submission whose attempt changed between its grading
   * and its turn in the batch is graded again.
   */
  private async submitAttempt(input: SubmitAttemptInput): Promise<SubmitAttemptOutcome> {
    for (;;) {
      const existing = this.existingAttempt(input);
      if (existing) {
        // It may be this process's own commit whose flush is still running: answer once it is on the disk.
        await this.walSync?.settled();
        return existing;
      }
      const { learner, quizId } = input;
      const used = this.countAttempts(learner.id, quizId);
      const attemptNumber = used + 1;
      const full = input.maxAttempts !== undefined && used >= input.maxAttempts;
      const stale =
        input.expectedAttemptNumber !== undefined && input.expectedAttemptNumber !== attemptNumber;
      if (full || stale) {
        // Another instance may have stored this very key between the two reads above: replay it.
        const duplicate = this.existingAttempt(input);
        if (duplicate) return duplicate;
        return full ? { status: 'max-attempts', used } : { status: 'stale-attempt', current: attemptNumber };
      }
      const stored = this.selectOpen(learner.id, quizId);
      const open = stored && stored.attemptNumber === attemptNumber ? stored : undefined;
      const graded = input.grade({ attemptNumber, open });
      // The file is checked once per batch (flushSubmissions), not once per submission.
      const outcome = await new Promise<SubmitAttemptOutcome | 'changed'>((resolve, reject) => {
        this.pendingSubmissions.push({
          input,
          snapshot: { used, openRevision: open?.revision ?? null },
          graded,
          resolve,
          reject,
        });
        if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => this.flushSubmissions());
        }
      });
      if (outcome !== 'changed') return outcome;
    }
  }

  private flushSubmissions(): void {
    this.flushScheduled = false;
    // A short transaction per slice, with other requests served between slices; one fsync still covers
    // every slice committed while the previous one ran.
    const batch = this.pendingSubmissions.splice(0, SUBMISSIONS_PER_TRANSACTION);
    if (this.pendingSubmissions.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => this.flushSubmissions());
    }
    type Settled = { ok: true; outcome: SubmitAttemptOutcome | 'changed' } | { ok: false; error: unknown };
    let committed: { value: Settled[]; durable: Promise<void> };
    try {
      this.assertWritable();
      committed = this.commitInGroup(() =>
        batch.map((pending): Settled => {
          try {
            return { ok: true, outcome: this.storeOne(pending) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      );
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    committed.durable.then(
      () =>
        batch.forEach((pending, index) => {
          const result = committed.value[index] as Settled;
          if (result.ok) pending.resolve(result.outcome);
          else pending.reject(result.error);
        }),
      (error: unknown) => {
        for (const pending of batch) pending.reject(error);
      },
    );
  }

  /** Inside the batch: stores the graded submission if nothing changed since it was graded. */
  private storeSubmission({ input, snapshot, graded }: PendingSubmission): SubmitAttemptOutcome | 'changed' {
    const existing = this.existingAttempt(input);
    if (existing) return existing;
    const { learner, quizId, idempotencyKey } = input;
    const used = this.countAttempts(learner.id, quizId);
    // Only whether the open attempt changed matters here: its steps are not read (nor parsed) again.
    const open = this.stmt(
      'SELECT attempt_number, revision FROM open_attempts WHERE learner_id = ? AND quiz_id = ?',
    ).get(learner.id, quizId) as Row | undefined;
    const openRevision = open && num(open.attempt_number) === used + 1 ? num(open.revision) : null;
    if (used !== snapshot.used || openRevision !== snapshot.openRevision) return 'changed';
    const attemptNumber = used + 1;
    const id = `att_${randomId()}`;
    const studentId = learner.kind === 'student' ? learner.id : null;
    const classId = learner.kind === 'student' ? learner.classId : null;
    this.stmt(
      `INSERT INTO attempts (id, learner_id, student_id, class_id, quiz_id, attempt_number, idempotency_key,
           request_hash, seed, steps, score, max_score, percent, passed, submitted_at)
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
      graded.seed,
      JSON.stringify(graded.steps),
      graded.score,
      graded.maxScore,
      graded.percent,
      graded.passed ? 1 : 0,
      input.now,
    );
    this.insertItems(id, graded.items);
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
        seed: graded.seed,
        steps: graded.steps,
        score: graded.score,
        maxScore: graded.maxScore,
        percent: graded.percent,
        passed: graded.passed,
        submittedAt: input.now,
      },
    };
  }

  /** The multi-row INSERT for `rows` items, found by its row count (not by hashing its long SQL). */
  private insertItemsStatement(rows: number): Database.Statement {
    let statement = this.itemInserts[rows];
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO attempt_items (attempt_id, question_id, score, max_score, correct, answer) VALUES ${Array(
          rows,
        )
          .fill('(?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
      );
      this.itemInserts[rows] = statement;
    }
    return statement;
  }

  /** The items of one attempt in as few statements as possible (up to 50 rows each). */
  private insertItems(attemptId: string, items: readonly AttemptItem[]): void {
    for (let start = 0; start < items.length; start += ITEMS_PER_INSERT) {
      const slice = items.slice(start, start + ITEMS_PER_INSERT);
      const values: unknown[] = [];
      for (const item of slice) {
        values.push(attemptId, item.questionId, item.score, item.maxScore, item.correct ? 1 : 0, item.answer);
      }
      this.insertItemsStatement(slice.length).run(values);
    }
  }

  private async updateOpen<T>(input: UpdateOpenAttemptInput<T>): Promise<UpdateOpenAttemptOutcome<T>> {
    const { learner, quizId } = input;
    for (;;) {
      const used = this.countAttempts(learner.id, quizId);
      if (input.maxAttempts !== undefined && used >= input.maxAttempts)
        return { status: 'max-attempts', used };
      const attemptNumber = used + 1;
      const stored = this.selectOpen(learner.id, quizId);
      const open = stored && stored.attemptNumber === attemptNumber ? stored : undefined;
      const { seed, steps, value } = input.update({ attemptNumber, open });
      if (steps === null) return { status: 'updated', attemptNumber, value };
      this.assertWritable();
      const written = this.commitInGroup(() => {
        const usedNow = this.countAttempts(learner.id, quizId);
        const current = this.selectOpen(learner.id, quizId);
        const currentRevision = current && current.attemptNumber === usedNow + 1 ? current.revision : null;
        if (usedNow !== used || currentRevision !== (open?.revision ?? null)) return false;
        this.stmt(
          `INSERT INTO open_attempts (learner_id, quiz_id, attempt_number, seed, steps, revision, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (learner_id, quiz_id) DO UPDATE SET attempt_number = excluded.attempt_number,
                 seed = excluded.seed, steps = excluded.steps, revision = excluded.revision,
                 updated_at = excluded.updated_at`,
        ).run(
          learner.id,
          quizId,
          attemptNumber,
          seed,
          JSON.stringify(steps),
          (open?.revision ?? 0) + 1,
          input.now,
        );
        return true;
      });
      if (written.value) {
        await written.durable;
        return { status: 'updated', attemptNumber, value };
      }
    }
  }

  private itemStatistics(classId: string): ItemStatistic[] {
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
    return combineItemStatistics(totals, wrong);
  }

  private hitRateLimit(key: string, limit: number, windowMs: number, now: number): RateLimitResult {
    this.assertWritable();
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
    const count = num(row.count);
    return { allowed: count <= limit, count, resetAt: num(row.window_start) + windowMs };
  }

  /** Resolves once no WAL checkpoint is waiting or running (tests). */
  async checkpointsIdle(): Promise<void> {
    await this.checkpointer?.idle();
  }

  async close() {
    await this.checkpointer?.close();
    await this.walSync?.settled().catch(() => {});
    this.walSync?.close();
    if (this.db.open) this.db.close();
  }
}

function fileIdentityOf(db: Database.Database): { dev: number; ino: number } | undefined {
  if (db.memory) return undefined;
  try {
    const stat = statSync(db.name);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

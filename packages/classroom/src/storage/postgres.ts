import pg from 'pg';
import { randomId } from './ids';
import { postgresLtiRepository } from './lti-postgres';
import { migrations as allMigrations } from './migrations/postgres/index';
import type { Migration } from './migrations/sqlite/index';
import {
  attemptColumns,
  combineItemStatistics,
  num,
  type Row,
  text,
  toAttempt,
  toClass,
  toCompletion,
  toOpen,
  toSession,
  toStudent,
} from './records';
import { postgresRoster } from './roster-postgres';
import { postgresTeachers } from './teachers-postgres';
import { postgresMarking, postgresQuizSettings } from './teaching-postgres';
import type {
  ClassroomStore,
  OpenAttempt,
  SubmitAttemptInput,
  SubmitAttemptOutcome,
  UpdateOpenAttemptInput,
  UpdateOpenAttemptOutcome,
} from './types';

type Queryable = Pick<pg.PoolClient, 'query'>;

const INT8_OID = 20;
// Times are BIGINT milliseconds and counts are BIGINT; both fit a JavaScript number by far.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

/** The advisory lock key of one (learner, quiz). */
function pairKey(learnerId: string, quizId: string): string {
  return `${learnerId}\u0001${quizId}`;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

/** Where a connection string points, without its password, for messages and log lines. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `postgres://${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

// One lock number for migrations, so instances starting together migrate one after the other.
const MIGRATION_LOCK = 7_146_823_001;

/** Applies the migrations not yet recorded in `schema_migrations`, in one transaction under an advisory lock. */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`);
    const applied = new Set(
      (await client.query('SELECT version FROM schema_migrations')).rows.map((row) => num(row.version)),
    );
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new Error(
        `The database has schema version ${Math.max(...unknown)}, newer than this version of @coursekit/classroom ` +
          `knows (${newest}). Run the newer version, or point DATABASE_URL at another database.`,
      );
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      done.push(migration.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The PostgreSQL engine, for several app instances on one database. Every write that must be serialisable
 * per learner and quiz (submissions, checks) takes a transaction-scoped advisory lock on that pair, so
 * attempt numbers stay gapless and limits hold whichever instance a request reaches; unique constraints
 * back it up. Grading happens before the transaction, which only re-reads, compares and inserts.
 */
export class PostgresStore implements ClassroomStore {
  readonly engine = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly location: string;
  private rateLimitHits = 0;

  readonly quizSettings: ClassroomStore['quizSettings'];
  readonly marking: ClassroomStore['marking'];
  readonly roster: ClassroomStore['roster'];
  readonly teachers: ClassroomStore['teachers'];

  private constructor(pool: pg.Pool, location: string) {
    this.pool = pool;
    this.location = location;
    this.quizSettings = postgresQuizSettings(pool);
    this.marking = postgresMarking(pool);
    this.roster = postgresRoster(pool);
    this.teachers = postgresTeachers(pool);
  }

  /** Connects, migrates and returns the store. `max` is the pool size per instance (default 10). */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    pool.on('error', (error) => console.error(`[coursekit] PostgreSQL connection lost: ${error.message}`));
    const location = describePostgresUrl(url);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end().catch(() => {});
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot use the PostgreSQL database ${location} (${reason}). Check DATABASE_URL.`);
    }
    return new PostgresStore(pool, location);
  }

  private async one(
    sql: string,
    values: unknown[] = [],
    db: Queryable = this.pool,
  ): Promise<Row | undefined> {
    return (await db.query(sql, values)).rows[0] as Row | undefined;
  }

  private async all(sql: string, values: unknown[] = [], db: Queryable = this.pool): Promise<Row[]> {
    return (await db.query(sql, values)).rows as Row[];
  }

  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    options: { lockPair?: { learnerId: string; quizId: string } } = {},
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      const pair = options.lockPair;
      // With a pair to lock, BEGIN and the lock go in one round trip (a simple query, the key as a literal).
      await client.query(
        pair
          ? `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(pairKey(pair.learnerId, pair.quizId))}, 0))`
          : 'BEGIN',
      );
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  readonly settings: ClassroomStore['settings'] = {
    get: async (key) => {
      const row = await this.one('SELECT value FROM settings WHERE key = $1', [key]);
      return row ? text(row.value) : undefined;
    },
    getOrInsert: async (key, value) => {
      const existing = await this.settings.get(key);
      if (existing !== undefined) return { value: existing, inserted: false };
      const fresh = value();
      const inserted = await this.one(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value',
        [key, fresh],
      );
      if (inserted) return { value: fresh, inserted: true };
      return {
        value: text((await this.one('SELECT value FROM settings WHERE key = $1', [key]))?.value),
        inserted: false,
      };
    },
  };

  readonly classes: ClassroomStore['classes'] = {
    create: async (record) => {
      try {
        await this.pool.query(
          'INSERT INTO classes (id, name, join_code, created_at) VALUES ($1, $2, $3, $4)',
          [record.id, record.name, record.joinCode, record.createdAt],
        );
        return record;
      } catch (error) {
        if (isUniqueViolation(error, 'classes_join_code_key')) return 'join-code-taken' as const;
        throw error;
      }
    },
    get: async (id) => {
      const row = await this.one('SELECT * FROM classes WHERE id = $1', [id]);
      return row ? toClass(row) : undefined;
    },
    findByJoinCode: async (joinCode) => {
      const row = await this.one('SELECT * FROM classes WHERE join_code = $1', [joinCode]);
      return row ? toClass(row) : undefined;
    },
    list: async () => {
      const rows = await this.all(
        `SELECT c.*, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS student_count
           FROM classes c ORDER BY c.created_at, c.id`,
      );
      return rows.map((row) => ({ ...toClass(row), studentCount: num(row.student_count) }));
    },
    createStudent: async (record) => {
      try {
        await this.pool.query(
          `INSERT INTO students (id, class_id, display_name, name_key, resume_code_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            record.id,
            record.classId,
            record.displayName,
            record.nameKey,
            record.resumeCodeHash,
            record.createdAt,
          ],
        );
        return {
          id: record.id,
          classId: record.classId,
          displayName: record.displayName,
          createdAt: record.createdAt,
        };
      } catch (error) {
        if (isUniqueViolation(error, 'students_class_name_key')) return 'name-taken' as const;
        throw error;
      }
    },
    getStudent: async (id) => {
      const row = await this.one('SELECT * FROM students WHERE id = $1', [id]);
      return row ? toStudent(row) : undefined;
    },
    findStudentByResumeCodeHash: async (hash) => {
      const row = await this.one('SELECT * FROM students WHERE resume_code_hash = $1', [hash]);
      return row ? toStudent(row) : undefined;
    },
    listStudents: async (classId) =>
      (await this.all('SELECT * FROM students WHERE class_id = $1 ORDER BY created_at, id', [classId])).map(
        toStudent,
      ),
  };

  readonly sessions: ClassroomStore['sessions'] = {
    create: async (record) => {
      await this.pool.query(
        `INSERT INTO sessions (id, kind, student_id, class_id, created_at, expires_at, revoked_at, teacher_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.id,
          record.kind,
          record.studentId,
          record.classId,
          record.createdAt,
          record.expiresAt,
          record.revokedAt,
          record.teacherId ?? null,
        ],
      );
    },
    get: async (id) => {
      const row = await this.one('SELECT * FROM sessions WHERE id = $1', [id]);
      return row ? toSession(row) : undefined;
    },
    revoke: async (id, at) => {
      await this.pool.query('UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        at,
        id,
      ]);
    },
  };

  private async countAttempts(learnerId: string, quizId: string, db: Queryable = this.pool): Promise<number> {
    const row = await this.one(
      'SELECT COUNT(*) AS n FROM attempts WHERE learner_id = $1 AND quiz_id = $2',
      [learnerId, quizId],
      db,
    );
    return num(row?.n);
  }

  private async selectOpen(
    learnerId: string,
    quizId: string,
    db: Queryable = this.pool,
  ): Promise<OpenAttempt | undefined> {
    const row = await this.one(
      'SELECT attempt_number, seed, steps, revision, updated_at FROM open_attempts WHERE learner_id = $1 AND quiz_id = $2',
      [learnerId, quizId],
      db,
    );
    return row ? toOpen(row, `open attempt of ${learnerId} at ${quizId}`) : undefined;
  }

  private async existingAttempt(
    input: SubmitAttemptInput,
    db: Queryable = this.pool,
  ): Promise<SubmitAttemptOutcome | undefined> {
    const row = await this.one(
      `SELECT ${attemptColumns} FROM attempts WHERE learner_id = $1 AND quiz_id = $2 AND idempotency_key = $3`,
      [input.learner.id, input.quizId, input.idempotencyKey],
      db,
    );
    if (!row) return undefined;
    const attempt = toAttempt(row);
    return row.request_hash === input.requestHash
      ? { status: 'replayed', attempt }
      : { status: 'idempotency-conflict', attempt };
  }

  /**
   * Where the learner stands on a quiz, for grading a submission: the attempts used, the open attempt and
   * whether this idempotency key was stored already, in one round trip.
   */
  private async submissionPosition(
    input: SubmitAttemptInput,
  ): Promise<{ used: number; open: OpenAttempt | undefined; stored: boolean }> {
    const { learner, quizId } = input;
    const row = (await this.one(
      `SELECT (SELECT COUNT(*) FROM attempts WHERE learner_id = $1 AND quiz_id = $2) AS used,
              EXISTS (SELECT 1 FROM attempts WHERE learner_id = $1 AND quiz_id = $2 AND idempotency_key = $3)
                AS stored,
              o.attempt_number, o.seed, o.steps, o.revision, o.updated_at
         FROM (SELECT 1) AS one
         LEFT JOIN open_attempts o ON o.learner_id = $1 AND o.quiz_id = $2`,
      [learner.id, quizId, input.idempotencyKey],
    )) as Row;
    return {
      used: num(row.used),
      stored: row.stored === true,
      open:
        row.attempt_number === null || row.attempt_number === undefined
          ? undefined
          : toOpen(row, `open attempt of ${learner.id} at ${quizId}`),
    };
  }

  /**
   * Grades outside any transaction, then stores in one: BEGIN with the pair's lock, one statement that
   * checks nothing changed since the grading (no attempt or open-attempt revision in between, the key
   * not stored meanwhile) and only then inserts the attempt and its items and closes the open attempt,
   * and COMMIT: three round trips. A submission whose attempt changed is graded again.
   */
  private async submitAttempt(input: SubmitAttemptInput): Promise<SubmitAttemptOutcome> {
    const { learner, quizId } = input;
    for (;;) {
      const position = await this.submissionPosition(input);
      if (position.stored) {
        const existing = await this.existingAttempt(input);
        if (existing) return existing;
      }
      const { used, open: stored } = position;
      const attemptNumber = used + 1;
      const full = input.maxAttempts !== undefined && used >= input.maxAttempts;
      const stale =
        input.expectedAttemptNumber !== undefined && input.expectedAttemptNumber !== attemptNumber;
      if (full || stale) {
        // Another instance may have stored this very key since the read above: replay it.
        const duplicate = await this.existingAttempt(input);
        if (duplicate) return duplicate;
        return full ? { status: 'max-attempts', used } : { status: 'stale-attempt', current: attemptNumber };
      }
      const open = stored && stored.attemptNumber === attemptNumber ? stored : undefined;
      const graded = input.grade({ attemptNumber, open });
      // The pair's lock serialises the writers of one (learner, quiz) on every instance.
      const outcome = await this.transaction(
        async (client): Promise<SubmitAttemptOutcome | 'changed'> => {
          const id = `att_${randomId()}`;
          const studentId = learner.kind === 'student' ? learner.id : null;
          const classId = learner.kind === 'student' ? learner.classId : null;
          // Every data-modifying CTE sees the snapshot taken after the lock, so `unchanged` decides for all.
          const result = await client.query(
            `WITH state AS (
             SELECT (SELECT COUNT(*) FROM attempts WHERE learner_id = $2 AND quiz_id = $5) AS used,
                    (SELECT revision FROM open_attempts
                      WHERE learner_id = $2 AND quiz_id = $5 AND attempt_number = $6::integer) AS revision,
                    EXISTS (SELECT 1 FROM attempts
                      WHERE learner_id = $2 AND quiz_id = $5 AND idempotency_key = $7) AS duplicate
           ), unchanged AS (
             SELECT 1 FROM state
              WHERE NOT duplicate AND used = $6::integer - 1 AND revision IS NOT DISTINCT FROM $21::integer
           ), attempt AS (
             INSERT INTO attempts (id, learner_id, student_id, class_id, quiz_id, attempt_number, idempotency_key,
                 request_hash, seed, steps, score, max_score, percent, passed, submitted_at)
               SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::integer, $7::text, $8::text,
                      $9::text, $10::jsonb, $11::float8, $12::float8, $13::float8, $14::boolean, $15::bigint
                 FROM unchanged
           ), items AS (
             INSERT INTO attempt_items (attempt_id, question_id, score, max_score, correct, answer)
               SELECT $1::text, * FROM unnest($16::text[], $17::float8[], $18::float8[], $19::boolean[], $20::text[])
                WHERE EXISTS (SELECT 1 FROM unchanged)
           ), closed AS (
             DELETE FROM open_attempts
              WHERE learner_id = $2 AND quiz_id = $5 AND EXISTS (SELECT 1 FROM unchanged)
           )
           SELECT duplicate, EXISTS (SELECT 1 FROM unchanged) AS stored FROM state`,
            [
              id,
              learner.id,
              studentId,
              classId,
              quizId,
              attemptNumber,
              input.idempotencyKey,
              input.requestHash,
              graded.seed,
              JSON.stringify(graded.steps),
              graded.score,
              graded.maxScore,
              graded.percent,
              graded.passed,
              input.now,
              graded.items.map((item) => item.questionId),
              graded.items.map((item) => item.score),
              graded.items.map((item) => item.maxScore),
              graded.items.map((item) => item.correct),
              graded.items.map((item) => item.answer),
              open?.revision ?? null,
            ],
          );
          const row = result.rows[0] as Row;
          if (row.duplicate === true) {
            const duplicate = await this.existingAttempt(input, client);
            if (duplicate) return duplicate;
          }
          if (row.stored !== true) return 'changed';
          return {
            status: 'created',
            attempt: {
              id,
              learnerId: learner.id,
              studentId,
              classId,
              quizId,
              attemptNumber,
              idempotencyKey: input.idempotencyKey,
              seed: graded.seed,
              steps: graded.steps,
              score: graded.score,
              maxScore: graded.maxScore,
              percent: graded.percent,
              passed: graded.passed,
              submittedAt: input.now,
            },
          };
        },
        { lockPair: { learnerId: learner.id, quizId } },
      );
      if (outcome !== 'changed') return outcome;
    }
  }

  private async updateOpen<T>(input: UpdateOpenAttemptInput<T>): Promise<UpdateOpenAttemptOutcome<T>> {
    const { learner, quizId } = input;
    for (;;) {
      const used = await this.countAttempts(learner.id, quizId);
      if (input.maxAttempts !== undefined && used >= input.maxAttempts)
        return { status: 'max-attempts', used };
      const attemptNumber = used + 1;
      const stored = await this.selectOpen(learner.id, quizId);
      const open = stored && stored.attemptNumber === attemptNumber ? stored : undefined;
      const { seed, steps, value } = input.update({ attemptNumber, open });
      if (steps === null) return { status: 'updated', attemptNumber, value };
      const written = await this.transaction(
        async (client) => {
          const usedNow = await this.countAttempts(learner.id, quizId, client);
          const current = await this.selectOpen(learner.id, quizId, client);
          const revision = current && current.attemptNumber === usedNow + 1 ? current.revision : null;
          if (usedNow !== used || revision !== (open?.revision ?? null)) return false;
          await client.query(
            `INSERT INTO open_attempts (learner_id, quiz_id, attempt_number, seed, steps, revision, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (learner_id, quiz_id) DO UPDATE SET attempt_number = excluded.attempt_number,
               seed = excluded.seed, steps = excluded.steps, revision = excluded.revision,
               updated_at = excluded.updated_at`,
            [
              learner.id,
              quizId,
              attemptNumber,
              seed,
              JSON.stringify(steps),
              (open?.revision ?? 0) + 1,
              input.now,
            ],
          );
          return true;
        },
        { lockPair: { learnerId: learner.id, quizId } },
      );
      if (written) return { status: 'updated', attemptNumber, value };
    }
  }

  readonly attempts: ClassroomStore['attempts'] = {
    submit: (input) => this.submitAttempt(input),
    count: (learnerId, quizId) => this.countAttempts(learnerId, quizId),
    listByLearner: async (learnerId) =>
      (
        await this.all(
          `SELECT ${attemptColumns} FROM attempts WHERE learner_id = $1 ORDER BY submitted_at, attempt_number`,
          [learnerId],
        )
      ).map(toAttempt),
    listByClass: async (classId) =>
      (
        await this.all(
          `SELECT ${attemptColumns} FROM attempts WHERE class_id = $1 ORDER BY submitted_at, attempt_number`,
          [classId],
        )
      ).map(toAttempt),
    itemStatistics: async (classId) => {
      const totals = await this.all(
        `SELECT a.quiz_id, i.question_id, COUNT(*) AS responses, SUM(CASE WHEN i.correct THEN 1 ELSE 0 END) AS correct,
                SUM(CASE WHEN i.max_score > 0 THEN i.score::float8 / i.max_score ELSE 0 END) AS credit
           FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
           WHERE a.class_id = $1
           GROUP BY a.quiz_id, i.question_id`,
        [classId],
      );
      const wrong = await this.all(
        `SELECT a.quiz_id, i.question_id, i.answer, COUNT(*) AS n
           FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
           WHERE a.class_id = $1 AND NOT i.correct AND i.answer IS NOT NULL
           GROUP BY a.quiz_id, i.question_id, i.answer
           ORDER BY n DESC, i.answer COLLATE "C" ASC`,
        [classId],
      );
      return combineItemStatistics(totals, wrong);
    },
    getOpen: async (learnerId, quizId) => {
      const open = await this.selectOpen(learnerId, quizId);
      return open && open.attemptNumber === (await this.countAttempts(learnerId, quizId)) + 1
        ? open
        : undefined;
    },
    updateOpen: (input) => this.updateOpen(input),
  };

  readonly completions: ClassroomStore['completions'] = {
    record: async (record) => {
      const inserted = await this.one(
        `INSERT INTO completions (learner_id, student_id, class_id, lesson_id, completed_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (learner_id, lesson_id) DO NOTHING RETURNING *`,
        [record.learnerId, record.studentId, record.classId, record.lessonId, record.completedAt],
      );
      if (inserted) return { completion: toCompletion(inserted), created: true };
      const row = await this.one('SELECT * FROM completions WHERE learner_id = $1 AND lesson_id = $2', [
        record.learnerId,
        record.lessonId,
      ]);
      return { completion: toCompletion(row ?? {}), created: false };
    },
    listByLearner: async (learnerId) =>
      (
        await this.all('SELECT * FROM completions WHERE learner_id = $1 ORDER BY completed_at, lesson_id', [
          learnerId,
        ])
      ).map(toCompletion),
    listByClass: async (classId) =>
      (
        await this.all('SELECT * FROM completions WHERE class_id = $1 ORDER BY completed_at, lesson_id', [
          classId,
        ])
      ).map(toCompletion),
  };

  private ltiRepository: ClassroomStore['lti'] | undefined;
  get lti(): ClassroomStore['lti'] {
    this.ltiRepository ??= postgresLtiRepository(this.pool);
    return this.ltiRepository;
  }

  readonly limits: ClassroomStore['limits'] = {
    hit: async (key, limit, windowMs, now) => {
      if (++this.rateLimitHits % 200 === 0) {
        await this.pool.query('DELETE FROM rate_limits WHERE window_start < $1', [now - 24 * 60 * 60 * 1000]);
      }
      const row = await this.one(
        `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN r.window_start + $3 <= $2 THEN 1 ELSE r.count + 1 END,
             window_start = CASE WHEN r.window_start + $3 <= $2 THEN $2 ELSE r.window_start END
           RETURNING window_start, count`,
        [key, now, windowMs],
      );
      const count = num(row?.count);
      return { allowed: count <= limit, count, resetAt: num(row?.window_start) + windowMs };
    },
    peek: async (key, windowMs, now) => {
      const row = await this.one('SELECT window_start, count FROM rate_limits WHERE key = $1', [key]);
      if (!row || num(row.window_start) + windowMs <= now) return { count: 0, resetAt: now + windowMs };
      return { count: num(row.count), resetAt: num(row.window_start) + windowMs };
    },
    clear: async (key) => {
      await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
    },
  };

  async close() {
    await this.pool.end();
  }
}

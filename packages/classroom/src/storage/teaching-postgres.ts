// The teaching repositories on PostgreSQL: quiz settings, attempt allowances, marks and overrides.
import type pg from 'pg';
import { attemptColumns, type Row, toAttempt } from './records';
import { toReopen } from './teachers-sqlite';
import { toAllowance, toQuestionGrade, toQuizSettings } from './teaching-records';
import type { MarkingRepository, QuizSettingsRepository } from './types';

type Queryable = Pick<pg.PoolClient, 'query'>;

async function rows(db: Queryable, sql: string, values: unknown[]): Promise<Row[]> {
  return (await db.query(sql, values)).rows as Row[];
}

export function postgresQuizSettings(pool: pg.Pool): QuizSettingsRepository {
  return {
    async get(classId, quizId) {
      const [row] = await rows(pool, 'SELECT * FROM quiz_settings WHERE class_id = $1 AND quiz_id = $2', [
        classId,
        quizId,
      ]);
      return row ? toQuizSettings(row) : undefined;
    },
    async listByClass(classId) {
      return (
        await rows(pool, 'SELECT * FROM quiz_settings WHERE class_id = $1 ORDER BY quiz_id', [classId])
      ).map(toQuizSettings);
    },
    async put(record) {
      await pool.query(
        `INSERT INTO quiz_settings (class_id, quiz_id, opens_at, due_at, late_policy, review, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (class_id, quiz_id) DO UPDATE SET opens_at = excluded.opens_at,
             due_at = excluded.due_at, late_policy = excluded.late_policy, review = excluded.review,
             updated_at = excluded.updated_at`,
        [
          record.classId,
          record.quizId,
          record.opensAt,
          record.dueAt,
          record.latePolicy,
          record.review === null ? null : JSON.stringify(record.review),
          record.updatedAt,
        ],
      );
      return record;
    },
    async getAllowance(studentId, quizId) {
      const [row] = await rows(
        pool,
        'SELECT * FROM attempt_allowances WHERE student_id = $1 AND quiz_id = $2',
        [studentId, quizId],
      );
      return row ? toAllowance(row) : undefined;
    },
    async listAllowances(classId) {
      return (
        await rows(
          pool,
          'SELECT * FROM attempt_allowances WHERE class_id = $1 ORDER BY student_id, quiz_id',
          [classId],
        )
      ).map(toAllowance);
    },
    async grantAttempts(input) {
      const [row] = await rows(
        pool,
        `INSERT INTO attempt_allowances (class_id, student_id, quiz_id, extra_attempts, updated_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (student_id, quiz_id) DO UPDATE SET
             extra_attempts = attempt_allowances.extra_attempts + excluded.extra_attempts,
             updated_at = excluded.updated_at
           RETURNING *`,
        [input.classId, input.studentId, input.quizId, input.extraAttempts, input.now],
      );
      return toAllowance(row as Row);
    },
  };
}

export function postgresMarking(pool: pg.Pool): MarkingRepository {
  const listByAttempt = async (db: Queryable, attemptId: string) =>
    (await rows(db, 'SELECT * FROM question_grades WHERE attempt_id = $1 ORDER BY seq', [attemptId])).map(
      toQuestionGrade,
    );
  return {
    async getAttempt(attemptId) {
      const [row] = await rows(pool, `SELECT ${attemptColumns} FROM attempts WHERE id = $1`, [attemptId]);
      return row ? toAttempt(row) : undefined;
    },
    async record({ grade, recompute }) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The attempt row's lock serialises teachers marking the same attempt on any instance.
        await client.query('SELECT id FROM attempts WHERE id = $1 FOR UPDATE', [grade.attemptId]);
        await client.query(
          `INSERT INTO question_grades (id, attempt_id, class_id, question_id, kind, score, feedback, reason,
               rubric, teacher, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            grade.id,
            grade.attemptId,
            grade.classId,
            grade.questionId,
            grade.kind,
            grade.score,
            grade.feedback,
            grade.reason,
            grade.rubric === null ? null : JSON.stringify(grade.rubric),
            grade.teacher,
            grade.createdAt,
          ],
        );
        const totals = recompute(await listByAttempt(client, grade.attemptId));
        await client.query('UPDATE attempts SET score = $1, percent = $2, passed = $3 WHERE id = $4', [
          totals.score,
          totals.percent,
          totals.passed,
          grade.attemptId,
        ]);
        await client.query('COMMIT');
        return { grade, totals };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listByAttempt: (attemptId) => listByAttempt(pool, attemptId),
    async listByClass(classId) {
      return (
        await rows(pool, 'SELECT * FROM question_grades WHERE class_id = $1 ORDER BY seq', [classId])
      ).map(toQuestionGrade);
    },
    async recordReopen(r) {
      await pool.query(
        `INSERT INTO attempt_reopens (id, attempt_id, class_id, student_id, quiz_id, draft_attempt_number, extra_attempts, reason, teacher, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          r.id,
          r.attemptId,
          r.classId,
          r.studentId,
          r.quizId,
          r.draftAttemptNumber,
          r.extraAttempts,
          r.reason,
          r.teacher,
          r.createdAt,
        ],
      );
    },
    async listReopens(classId) {
      return (
        await rows(pool, 'SELECT * FROM attempt_reopens WHERE class_id = $1 ORDER BY created_at, id', [
          classId,
        ])
      ).map(toReopen);
    },
  };
}

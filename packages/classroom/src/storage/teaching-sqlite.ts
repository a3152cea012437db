// The teaching repositories on SQLite: quiz settings, attempt allowances, marks and overrides.
import type Database from 'better-sqlite3';
import { attemptColumns, type Row, toAttempt } from './records';
import { toReopen } from './teachers-sqlite';
import { toAllowance, toQuestionGrade, toQuizSettings } from './teaching-records';
import type { MarkingRepository, QuestionGradeRecord, QuizSettingsRepository } from './types';

type Prepare = (sql: string) => Database.Statement;

export function sqliteQuizSettings(stmt: Prepare, assertWritable: () => void): QuizSettingsRepository {
  return {
    async get(classId, quizId) {
      const row = stmt('SELECT * FROM quiz_settings WHERE class_id = ? AND quiz_id = ?').get(
        classId,
        quizId,
      ) as Row | undefined;
      return row ? toQuizSettings(row) : undefined;
    },
    async listByClass(classId) {
      const rows = stmt('SELECT * FROM quiz_settings WHERE class_id = ? ORDER BY quiz_id').all(
        classId,
      ) as Row[];
      return rows.map(toQuizSettings);
    },
    async put(record) {
      assertWritable();
      stmt(
        `INSERT INTO quiz_settings (class_id, quiz_id, opens_at, due_at, late_policy, review, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (class_id, quiz_id) DO UPDATE SET opens_at = excluded.opens_at,
             due_at = excluded.due_at, late_policy = excluded.late_policy, review = excluded.review,
             updated_at = excluded.updated_at`,
      ).run(
        record.classId,
        record.quizId,
        record.opensAt,
        record.dueAt,
        record.latePolicy,
        record.review === null ? null : JSON.stringify(record.review),
        record.updatedAt,
      );
      return record;
    },
    async getAllowance(studentId, quizId) {
      const row = stmt('SELECT * FROM attempt_allowances WHERE student_id = ? AND quiz_id = ?').get(
        studentId,
        quizId,
      ) as Row | undefined;
      return row ? toAllowance(row) : undefined;
    },
    async listAllowances(classId) {
      const rows = stmt(
        'SELECT * FROM attempt_allowances WHERE class_id = ? ORDER BY student_id, quiz_id',
      ).all(classId) as Row[];
      return rows.map(toAllowance);
    },
    async grantAttempts(input) {
      assertWritable();
      const row = stmt(
        `INSERT INTO attempt_allowances (class_id, student_id, quiz_id, extra_attempts, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (student_id, quiz_id) DO UPDATE SET
             extra_attempts = extra_attempts + excluded.extra_attempts, updated_at = excluded.updated_at
           RETURNING *`,
      ).get(input.classId, input.studentId, input.quizId, input.extraAttempts, input.now) as Row;
      return toAllowance(row);
    },
  };
}

export function sqliteMarking(
  db: Database.Database,
  stmt: Prepare,
  assertWritable: () => void,
): MarkingRepository {
  const listByAttempt = (attemptId: string): QuestionGradeRecord[] =>
    (stmt('SELECT * FROM question_grades WHERE attempt_id = ? ORDER BY seq').all(attemptId) as Row[]).map(
      toQuestionGrade,
    );
  return {
    async getAttempt(attemptId) {
      const row = stmt(`SELECT ${attemptColumns} FROM attempts WHERE id = ?`).get(attemptId) as
        | Row
        | undefined;
      return row ? toAttempt(row) : undefined;
    },
    async record({ grade, recompute }) {
      assertWritable();
      return db
        .transaction(() => {
          const g = grade;
          stmt(
            `INSERT INTO question_grades (id, attempt_id, class_id, question_id, kind, score, feedback, reason,
                 rubric, teacher, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            g.id,
            g.attemptId,
            g.classId,
            g.questionId,
            g.kind,
            g.score,
            g.feedback,
            g.reason,
            g.rubric === null ? null : JSON.stringify(g.rubric),
            g.teacher,
            g.createdAt,
          );
          const totals = recompute(listByAttempt(g.attemptId));
          stmt('UPDATE attempts SET score = ?, percent = ?, passed = ? WHERE id = ?').run(
            totals.score,
            totals.percent,
            totals.passed ? 1 : 0,
            g.attemptId,
          );
          return { grade: g, totals };
        })
        .immediate();
    },
    async listByAttempt(attemptId) {
      return listByAttempt(attemptId);
    },
    async listByClass(classId) {
      return (
        stmt('SELECT * FROM question_grades WHERE class_id = ? ORDER BY seq').all(classId) as Row[]
      ).map(toQuestionGrade);
    },
    async recordReopen(r) {
      assertWritable();
      stmt(
        `INSERT INTO attempt_reopens (id, attempt_id, class_id, student_id, quiz_id, draft_attempt_number, extra_attempts, reason, teacher, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      );
    },
    async listReopens(classId) {
      return (
        stmt('SELECT * FROM attempt_reopens WHERE class_id = ? ORDER BY created_at, id').all(classId) as Row[]
      ).map(toReopen);
    },
  };
}

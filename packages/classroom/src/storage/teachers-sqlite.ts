// Teacher accounts, invites and re-opened attempts on SQLite.
import type Database from 'better-sqlite3';
import { num, optionalText, type Row, text } from './records';
import type { AttemptReopenRecord, TeacherInviteRecord, TeacherRecord, TeachersRepository } from './types';

type Prepare = (sql: string) => Database.Statement;

const nullableNum = (value: unknown) => (value === null || value === undefined ? null : num(value));

export function toTeacher(row: Row): TeacherRecord {
  return {
    id: text(row.id),
    name: text(row.name),
    role: row.role === 'owner' ? 'owner' : 'teacher',
    invitedBy: optionalText(row.invited_by),
    createdAt: num(row.created_at),
    revokedAt: nullableNum(row.revoked_at),
  };
}

export function toInvite(row: Row): TeacherInviteRecord {
  return {
    id: text(row.id),
    createdBy: text(row.created_by),
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
    usedAt: nullableNum(row.used_at),
    usedBy: optionalText(row.used_by),
    revokedAt: nullableNum(row.revoked_at),
  };
}

export function toReopen(row: Row): AttemptReopenRecord {
  return {
    id: text(row.id),
    attemptId: text(row.attempt_id),
    classId: optionalText(row.class_id),
    studentId: text(row.student_id),
    quizId: text(row.quiz_id),
    draftAttemptNumber: num(row.draft_attempt_number),
    extraAttempts: num(row.extra_attempts),
    reason: optionalText(row.reason),
    teacher: text(row.teacher),
    createdAt: num(row.created_at),
  };
}

/** Why an invite found by its token cannot be used now, or undefined when it can. */
export function inviteProblem(
  invite: TeacherInviteRecord | undefined,
  now: number,
): 'unknown' | 'expired' | 'used' | 'revoked' | undefined {
  if (!invite) return 'unknown';
  if (invite.usedAt !== null) return 'used';
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  return undefined;
}

const isUnique = (error: unknown) =>
  error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export const TEACHER_ORDER = "ORDER BY CASE role WHEN 'owner' THEN 0 ELSE 1 END, created_at, id";

export function sqliteTeachers(
  db: Database.Database,
  stmt: Prepare,
  assertWritable: () => void,
): TeachersRepository {
  const get = (id: string) => {
    const row = stmt('SELECT * FROM teachers WHERE id = ?').get(id) as Row | undefined;
    return row ? toTeacher(row) : undefined;
  };
  return {
    async ensureOwner({ name, nameKey, now }) {
      const existing = get('owner');
      if (existing) return existing;
      assertWritable();
      stmt(
        `INSERT INTO teachers (id, name, name_key, role, created_at) VALUES ('owner', ?, ?, 'owner', ?)
           ON CONFLICT DO NOTHING`,
      ).run(name, nameKey, now);
      return get('owner') as TeacherRecord;
    },
    async get(id) {
      return get(id);
    },
    async list() {
      return (stmt(`SELECT * FROM teachers ${TEACHER_ORDER}`).all() as Row[]).map(toTeacher);
    },
    async findLogin(nameKey) {
      const row = stmt('SELECT * FROM teachers WHERE name_key = ? AND password_hash IS NOT NULL').get(
        nameKey,
      ) as Row | undefined;
      return row ? { teacher: toTeacher(row), passwordHash: text(row.password_hash) } : undefined;
    },
    async createInvite(record) {
      assertWritable();
      stmt(
        `INSERT INTO teacher_invites (id, token_hash, created_by, created_at, expires_at, used_at, used_by, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        record.tokenHash,
        record.createdBy,
        record.createdAt,
        record.expiresAt,
        record.usedAt,
        record.usedBy,
        record.revokedAt,
      );
    },
    async listInvites() {
      return (stmt('SELECT * FROM teacher_invites ORDER BY created_at, id').all() as Row[]).map(toInvite);
    },
    async revokeInvite(id, at) {
      assertWritable();
      const changed = stmt(
        'UPDATE teacher_invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL',
      ).run(at, id).changes;
      return changed === 1;
    },
    async acceptInvite({ tokenHash, now, teacher }) {
      assertWritable();
      return db
        .transaction(() => {
          const row = stmt('SELECT * FROM teacher_invites WHERE token_hash = ?').get(tokenHash) as
            | Row
            | undefined;
          const invite = row ? toInvite(row) : undefined;
          const problem = inviteProblem(invite, now);
          if (problem || !invite) return { status: problem ?? 'unknown' } as const;
          try {
            stmt(
              `INSERT INTO teachers (id, name, name_key, role, password_hash, invited_by, created_at)
                 VALUES (?, ?, ?, 'teacher', ?, ?, ?)`,
            ).run(teacher.id, teacher.name, teacher.nameKey, teacher.passwordHash, invite.createdBy, now);
          } catch (error) {
            if (isUnique(error)) return { status: 'name-taken' } as const;
            throw error;
          }
          stmt('UPDATE teacher_invites SET used_at = ?, used_by = ? WHERE id = ?').run(
            now,
            teacher.id,
            invite.id,
          );
          return { status: 'created', teacher: get(teacher.id) as TeacherRecord } as const;
        })
        .immediate();
    },
    async revoke(teacherId, at) {
      assertWritable();
      return db
        .transaction(() => {
          const found = get(teacherId);
          if (!found) return 'unknown' as const;
          if (found.role === 'owner') return 'owner' as const;
          stmt('UPDATE teachers SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(at, teacherId);
          stmt('UPDATE sessions SET revoked_at = ? WHERE teacher_id = ? AND revoked_at IS NULL').run(
            at,
            teacherId,
          );
          return 'revoked' as const;
        })
        .immediate();
    },
  };
}

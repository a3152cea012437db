// The roster repository on PostgreSQL.
import type pg from 'pg';
import type { Row } from './records';
import { num, text } from './records';
import { toRosterEntry } from './roster-sqlite';
import type { RosterEntry, RosterRepository } from './types';

const isUnique = (error: unknown) => (error as { code?: string })?.code === '23505';

export function postgresRoster(pool: pg.Pool): RosterRepository {
  const get = async (studentId: string) => {
    const row = (await pool.query('SELECT * FROM student_roster WHERE student_id = $1', [studentId]))
      .rows[0] as Row | undefined;
    return row ? toRosterEntry(row) : undefined;
  };
  return {
    async listByClass(classId) {
      return (
        (await pool.query('SELECT * FROM student_roster WHERE class_id = $1', [classId])).rows as Row[]
      ).map(toRosterEntry);
    },
    get,
    async setIdentifier({ classId, studentId, identifier }) {
      try {
        await pool.query(
          `INSERT INTO student_roster (student_id, class_id, identifier) VALUES ($1, $2, $3)
             ON CONFLICT (student_id) DO UPDATE SET identifier = excluded.identifier`,
          [studentId, classId, identifier],
        );
      } catch (error) {
        if (isUnique(error)) return 'identifier-taken' as const;
        throw error;
      }
      return (await get(studentId)) as RosterEntry;
    },
    async renameStudent(studentId, displayName, nameKey) {
      try {
        await pool.query('UPDATE students SET display_name = $1, name_key = $2 WHERE id = $3', [
          displayName,
          nameKey,
          studentId,
        ]);
        return 'renamed' as const;
      } catch (error) {
        if (isUnique(error)) return 'name-taken' as const;
        throw error;
      }
    },
    async removeStudent(studentId, classId, at) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO student_roster (student_id, class_id, removed_at) VALUES ($1, $2, $3)
             ON CONFLICT (student_id) DO UPDATE SET removed_at = excluded.removed_at`,
          [studentId, classId, at],
        );
        await client.query("UPDATE students SET name_key = 'removed:' || id WHERE id = $1", [studentId]);
        await client.query(
          'UPDATE sessions SET revoked_at = $1 WHERE student_id = $2 AND revoked_at IS NULL',
          [at, studentId],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async renameClass(classId, name) {
      await pool.query('UPDATE classes SET name = $1 WHERE id = $2', [name, classId]);
    },
    async setArchived(classId, at) {
      await pool.query(
        `INSERT INTO class_state (class_id, archived_at) VALUES ($1, $2)
           ON CONFLICT (class_id) DO UPDATE SET archived_at = excluded.archived_at`,
        [classId, at],
      );
    },
    async archivedAt(classId) {
      const row = (await pool.query('SELECT archived_at FROM class_state WHERE class_id = $1', [classId]))
        .rows[0] as Row | undefined;
      return row && row.archived_at !== null ? num(row.archived_at) : null;
    },
    async listArchived() {
      const rows = (
        await pool.query('SELECT class_id, archived_at FROM class_state WHERE archived_at IS NOT NULL')
      ).rows as Row[];
      return new Map(rows.map((row) => [text(row.class_id), num(row.archived_at)]));
    },
  };
}

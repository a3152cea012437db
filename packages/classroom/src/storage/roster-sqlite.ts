// The roster repository on SQLite.
import type Database from 'better-sqlite3';
import { num, optionalText, type Row, text } from './records';
import type { RosterEntry, RosterRepository } from './types';

type Prepare = (sql: string) => Database.Statement;

export function toRosterEntry(row: Row): RosterEntry {
  return {
    studentId: text(row.student_id),
    classId: text(row.class_id),
    identifier: optionalText(row.identifier),
    removedAt: row.removed_at === null || row.removed_at === undefined ? null : num(row.removed_at),
  };
}

const isUnique = (error: unknown) =>
  error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function sqliteRoster(
  db: Database.Database,
  stmt: Prepare,
  assertWritable: () => void,
): RosterRepository {
  const get = (studentId: string) => {
    const row = stmt('SELECT * FROM student_roster WHERE student_id = ?').get(studentId) as Row | undefined;
    return row ? toRosterEntry(row) : undefined;
  };
  return {
    async listByClass(classId) {
      return (stmt('SELECT * FROM student_roster WHERE class_id = ?').all(classId) as Row[]).map(
        toRosterEntry,
      );
    },
    async get(studentId) {
      return get(studentId);
    },
    async setIdentifier({ classId, studentId, identifier }) {
      assertWritable();
      try {
        stmt(
          `INSERT INTO student_roster (student_id, class_id, identifier) VALUES (?, ?, ?)
             ON CONFLICT (student_id) DO UPDATE SET identifier = excluded.identifier`,
        ).run(studentId, classId, identifier);
      } catch (error) {
        if (isUnique(error)) return 'identifier-taken' as const;
        throw error;
      }
      return get(studentId) as RosterEntry;
    },
    async renameStudent(studentId, displayName, nameKey) {
      assertWritable();
      try {
        stmt('UPDATE students SET display_name = ?, name_key = ? WHERE id = ?').run(
          displayName,
          nameKey,
          studentId,
        );
        return 'renamed' as const;
      } catch (error) {
        if (isUnique(error)) return 'name-taken' as const;
        throw error;
      }
    },
    async removeStudent(studentId, classId, at) {
      assertWritable();
      db.transaction(() => {
        stmt(
          `INSERT INTO student_roster (student_id, class_id, removed_at) VALUES (?, ?, ?)
             ON CONFLICT (student_id) DO UPDATE SET removed_at = excluded.removed_at`,
        ).run(studentId, classId, at);
        // The name is free again for someone else; the id keeps the key unique.
        stmt("UPDATE students SET name_key = 'removed:' || id WHERE id = ?").run(studentId);
        stmt('UPDATE sessions SET revoked_at = ? WHERE student_id = ? AND revoked_at IS NULL').run(
          at,
          studentId,
        );
      }).immediate();
    },
    async renameClass(classId, name) {
      assertWritable();
      stmt('UPDATE classes SET name = ? WHERE id = ?').run(name, classId);
    },
    async setArchived(classId, at) {
      assertWritable();
      stmt(
        `INSERT INTO class_state (class_id, archived_at) VALUES (?, ?)
           ON CONFLICT (class_id) DO UPDATE SET archived_at = excluded.archived_at`,
      ).run(classId, at);
    },
    async archivedAt(classId) {
      const row = stmt('SELECT archived_at FROM class_state WHERE class_id = ?').get(classId) as
        | Row
        | undefined;
      return row && row.archived_at !== null ? num(row.archived_at) : null;
    },
    async listArchived() {
      const rows = stmt(
        'SELECT class_id, archived_at FROM class_state WHERE archived_at IS NOT NULL',
      ).all() as Row[];
      return new Map(rows.map((row) => [text(row.class_id), num(row.archived_at)]));
    },
  };
}

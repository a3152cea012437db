// Teacher accounts and invites on PostgreSQL.
import type pg from 'pg';
import type { Row } from './records';
import { text } from './records';
import { inviteProblem, TEACHER_ORDER, toInvite, toTeacher } from './teachers-sqlite';
import type { AcceptInviteOutcome, TeacherRecord, TeachersRepository } from './types';

const isUnique = (error: unknown) => (error as { code?: string })?.code === '23505';

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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

export function postgresTeachers(pool: pg.Pool): TeachersRepository {
  const get = async (id: string, db: pg.Pool | pg.PoolClient = pool) => {
    const row = (await db.query('SELECT * FROM teachers WHERE id = $1', [id])).rows[0] as Row | undefined;
    return row ? toTeacher(row) : undefined;
  };
  return {
    async ensureOwner({ name, nameKey, now }) {
      const existing = await get('owner');
      if (existing) return existing;
      await pool.query(
        `INSERT INTO teachers (id, name, name_key, role, created_at) VALUES ('owner', $1, $2, 'owner', $3)
           ON CONFLICT DO NOTHING`,
        [name, nameKey, now],
      );
      return (await get('owner')) as TeacherRecord;
    },
    get: (id) => get(id),
    async list() {
      return ((await pool.query(`SELECT * FROM teachers ${TEACHER_ORDER}`)).rows as Row[]).map(toTeacher);
    },
    async findLogin(nameKey) {
      const row = (
        await pool.query('SELECT * FROM teachers WHERE name_key = $1 AND password_hash IS NOT NULL', [
          nameKey,
        ])
      ).rows[0] as Row | undefined;
      return row ? { teacher: toTeacher(row), passwordHash: text(row.password_hash) } : undefined;
    },
    async createInvite(record) {
      await pool.query(
        `INSERT INTO teacher_invites (id, token_hash, created_by, created_at, expires_at, used_at, used_by, revoked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.id,
          record.tokenHash,
          record.createdBy,
          record.createdAt,
          record.expiresAt,
          record.usedAt,
          record.usedBy,
          record.revokedAt,
        ],
      );
    },
    async listInvites() {
      return ((await pool.query('SELECT * FROM teacher_invites ORDER BY created_at, id')).rows as Row[]).map(
        toInvite,
      );
    },
    async revokeInvite(id, at) {
      const result = await pool.query(
        'UPDATE teacher_invites SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL',
        [at, id],
      );
      return result.rowCount === 1;
    },
    async acceptInvite({ tokenHash, now, teacher }) {
      return inTransaction(pool, async (client): Promise<AcceptInviteOutcome> => {
        // FOR UPDATE: a second request for the same invite waits here and then sees it used.
        const row = (
          await client.query('SELECT * FROM teacher_invites WHERE token_hash = $1 FOR UPDATE', [tokenHash])
        ).rows[0] as Row | undefined;
        const invite = row ? toInvite(row) : undefined;
        const problem = inviteProblem(invite, now);
        if (problem || !invite) return { status: problem ?? 'unknown' };
        await client.query('SAVEPOINT teacher_insert');
        try {
          await client.query(
            `INSERT INTO teachers (id, name, name_key, role, password_hash, invited_by, created_at)
               VALUES ($1, $2, $3, 'teacher', $4, $5, $6)`,
            [teacher.id, teacher.name, teacher.nameKey, teacher.passwordHash, invite.createdBy, now],
          );
        } catch (error) {
          if (!isUnique(error)) throw error;
          await client.query('ROLLBACK TO SAVEPOINT teacher_insert');
          return { status: 'name-taken' };
        }
        await client.query('UPDATE teacher_invites SET used_at = $1, used_by = $2 WHERE id = $3', [
          now,
          teacher.id,
          invite.id,
        ]);
        return { status: 'created', teacher: (await get(teacher.id, client)) as TeacherRecord };
      });
    },
    async revoke(teacherId, at) {
      return inTransaction(pool, async (client) => {
        const found = await get(teacherId, client);
        if (!found) return 'unknown' as const;
        if (found.role === 'owner') return 'owner' as const;
        await client.query('UPDATE teachers SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [
          at,
          teacherId,
        ]);
        await client.query(
          'UPDATE sessions SET revoked_at = $1 WHERE teacher_id = $2 AND revoked_at IS NULL',
          [at, teacherId],
        );
        return 'revoked' as const;
      });
    },
  };
}

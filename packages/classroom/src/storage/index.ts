import { isAbsolute, resolve } from 'node:path';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { ClassroomStore } from './types';

export type * from './types';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Where a `DATABASE_URL` points: a PostgreSQL connection string, or an SQLite file (a path or a `file:` URL). */
export type DatabaseTarget = { engine: 'postgres'; url: string } | { engine: 'sqlite'; path: string };

/**
 * Reads `DATABASE_URL`: `postgres://…` (or `postgresql://…`) chooses PostgreSQL; anything else is an SQLite
 * file, relative to `cwd`; unset is `./.data/coursekit.db`.
 */
export function databaseTarget(url: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const raw = url?.trim();
  if (!raw) return { engine: 'sqlite', path: resolve(cwd, '.data', 'coursekit.db') };
  if (POSTGRES_URL.test(raw)) return { engine: 'postgres', url: raw };
  if (raw === ':memory:') return { engine: 'sqlite', path: raw };
  const path = raw.startsWith('file:')
    ? decodeURIComponent(raw.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
    : raw;
  return { engine: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** Opens (and migrates) the database a `DATABASE_URL` names. */
export async function openStore(
  url: string | undefined,
  options: { cwd?: string } = {},
): Promise<ClassroomStore> {
  const target = databaseTarget(url, options.cwd);
  return target.engine === 'postgres' ? PostgresStore.open(target.url) : SqliteStore.open(target.path);
}

export { describePostgresUrl, migratePostgres, PostgresStore } from './postgres';
export { StoredDataError, StoreUnavailableError } from './records';
export { migrate as migrateSqlite, openSqliteDatabase, SqliteStore } from './sqlite';

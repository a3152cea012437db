import { isAbsolute, resolve } from 'node:path';

/** Environment variables (process.env, or a plain object in tests). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where the app keeps its SQLite file: `DATABASE_URL` (a path or a `file:` URL), else `./.data/coursekit.db`. */
export function databasePath(env: Env = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return resolve(/*turbopackIgnore: true*/ process.cwd(), '.data', 'coursekit.db');
  if (/^postgres(ql)?:/i.test(raw)) {
    throw new Error(
      `DATABASE_URL points at PostgreSQL (${raw.split('@').pop()}), but this build only has the SQLite storage. ` +
        'Set DATABASE_URL to a file path such as ./.data/coursekit.db, or add a PostgreSQL implementation of ' +
        'lib/server/storage/types.ts.',
    );
  }
  const path = raw.startsWith('file:')
    ? decodeURIComponent(raw.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
    : raw;
  return isAbsolute(path) ? path : resolve(/*turbopackIgnore: true*/ process.cwd(), path);
}

/** The course folder the app serves: `COURSE_DIR`, else `content/two-peripheries` under the app's working directory. */
export function courseDirectory(env: Env = process.env): string {
  const raw = env.COURSE_DIR?.trim();
  if (!raw) return resolve(/*turbopackIgnore: true*/ process.cwd(), 'content', 'two-peripheries');
  return isAbsolute(raw) ? raw : resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/** A teacher passcode given by the operator; unset means the app generates one on first start. */
export function configuredTeacherPasscode(env: Env = process.env): string | undefined {
  const value = env.TEACHER_PASSCODE;
  return value && value.length > 0 ? value : undefined;
}

/** A session signing secret given by the operator; unset means one is generated and kept in the database. */
export function configuredSessionSecret(env: Env = process.env): string | undefined {
  const value = env.SESSION_SECRET;
  if (!value) return undefined;
  if (value.length < 32) {
    throw new Error(
      'SESSION_SECRET must be at least 32 characters long; generate one with `openssl rand -hex 32`.',
    );
  }
  return value;
}

import { isAbsolute, resolve } from 'node:path';

/**
 * A setting the operator gave cannot be used (a too-short `TEACHER_PASSCODE` or `SESSION_SECRET`). Its
 * message names the variable and says what to do; servers print it as one line and stop, without a stack.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** True for a `ConfigurationError`, also one thrown by another copy of this package. */
export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof Error && error.name === 'ConfigurationError';
}

/** Environment variables (process.env, or a plain object in tests). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The course folder to serve: `COURSE_DIR`, else `fallback`; relative paths are from the working directory. */
export function courseDirectory(env: Env = process.env, fallback = 'course'): string {
  const raw = env.COURSE_DIR?.trim() || fallback;
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
    throw new ConfigurationError(
      'SESSION_SECRET must be at least 32 characters long; generate one with `openssl rand -hex 32`.',
    );
  }
  return value;
}

import { randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { ConfigurationError, configuredTeacherPasscode, type Env } from './config';
import type { ClassroomStore } from './storage/types';

const PASSCODE_SETTING = 'teacher_passcode_hash';
const KEY_LENGTH = 32;
const COST = { N: 16384, r: 8, p: 1 } as const;
/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const MIN_PASSCODE_LENGTH = 8;

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$key` (base64url parts), safe to store. */
export async function hashPasscode(passcode: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(passcode, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Compares a passcode with a stored hash in constant time; false for a malformed hash. */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(passcode, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Four groups of four unambiguous characters, e.g. `K7QM-R2XD-9PWA-HT4C` (about 79 bits). */
export function generatePasscode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export type PasscodeSource = { source: 'environment' } | { source: 'database'; generated?: string };

const configuredHashes = new Map<string, Promise<string>>();

/**
 * Makes sure a teacher passcode exists. With `TEACHER_PASSCODE` set, that is the passcode. Otherwise the
 * first start generates one, stores only its hash, and returns it once in `generated` so the caller can
 * print it; later starts (and other instances) find the hash and generate nothing.
 */
export async function ensureTeacherPasscode(
  store: ClassroomStore,
  env: Env = process.env,
): Promise<PasscodeSource> {
  const configured = configuredTeacherPasscode(env);
  if (configured !== undefined) {
    if (configured.length < MIN_PASSCODE_LENGTH) {
      throw new ConfigurationError(
        `TEACHER_PASSCODE is ${configured.length} characters long, but it must have at least ${MIN_PASSCODE_LENGTH}: ` +
          'set a longer one (such as four random words), or unset it to have the app generate one.',
      );
    }
    return { source: 'environment' };
  }
  if ((await store.settings.get(PASSCODE_SETTING)) !== undefined) return { source: 'database' };
  const passcode = generatePasscode();
  const hash = await hashPasscode(passcode);
  const stored = await store.settings.getOrInsert(PASSCODE_SETTING, () => hash);
  return stored.inserted ? { source: 'database', generated: passcode } : { source: 'database' };
}

/** Checks a login attempt against `TEACHER_PASSCODE` or the stored hash; always takes one scrypt. */
export async function checkTeacherPasscode(
  store: ClassroomStore,
  attempt: string,
  env: Env = process.env,
): Promise<boolean> {
  const configured = configuredTeacherPasscode(env);
  let hash: string | undefined;
  if (configured !== undefined) {
    let pending = configuredHashes.get(configured);
    if (!pending) {
      pending = hashPasscode(configured);
      configuredHashes.set(configured, pending);
    }
    hash = await pending;
  } else {
    hash = await store.settings.get(PASSCODE_SETTING);
  }
  if (hash === undefined) {
    // No passcode yet (the server has not finished starting): spend the same time, then refuse.
    await hashPasscode(attempt);
    return false;
  }
  return verifyPasscode(attempt, hash);
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkTeacherPasscode,
  ensureTeacherPasscode,
  generatePasscode,
  hashPasscode,
  verifyPasscode,
} from './passcode';
import type { SqliteStore } from './storage/sqlite';
import { memoryStore } from './testing';

let store: SqliteStore;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

describe('passcode hashing', () => {
  it('verifies the passcode it hashed and nothing else; the hash does not contain it', async () => {
    const hash = await hashPasscode('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('horse');
    expect(await verifyPasscode('correct horse battery', hash)).toBe(true);
    expect(await verifyPasscode('correct horse batterY', hash)).toBe(false);
    expect(await verifyPasscode('anything', 'not-a-hash')).toBe(false);
  });

  it('generates four groups of four unambiguous characters', () => {
    expect(generatePasscode()).toMatch(/^([A-HJKMNP-Z2-9]{4}-){3}[A-HJKMNP-Z2-9]{4}$/);
  });
});

describe('ensureTeacherPasscode', () => {
  it('generates a passcode once, stores only its hash, and accepts it for login', async () => {
    const env = {};
    const first = await ensureTeacherPasscode(store, env);
    expect(first.source).toBe('database');
    const generated = first.source === 'database' ? first.generated : undefined;
    expect(generated).toBeDefined();
    expect(await ensureTeacherPasscode(store, env)).toEqual({ source: 'database' });
    const stored = await store.settings.get('teacher_passcode_hash');
    expect(stored).not.toContain(generated);
    expect(await checkTeacherPasscode(store, generated ?? '', env)).toBe(true);
    expect(await checkTeacherPasscode(store, 'WRONG-CODE', env)).toBe(false);
  });

  it('uses TEACHER_PASSCODE when set, stores nothing, and refuses one that is too short', async () => {
    const env = { TEACHER_PASSCODE: 'staffroom-42' };
    expect(await ensureTeacherPasscode(store, env)).toEqual({ source: 'environment' });
    expect(await store.settings.get('teacher_passcode_hash')).toBeUndefined();
    expect(await checkTeacherPasscode(store, 'staffroom-42', env)).toBe(true);
    expect(await checkTeacherPasscode(store, 'staffroom-43', env)).toBe(false);
    await expect(ensureTeacherPasscode(store, { TEACHER_PASSCODE: 'short' })).rejects.toThrow(
      /TEACHER_PASSCODE is 5 characters long, but it must have at least 8/,
    );
  });
});

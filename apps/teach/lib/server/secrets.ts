import { randomBytes } from 'node:crypto';
import { configuredSessionSecret, type Env } from './config';
import type { Storage } from './storage/types';

const SESSION_SECRET_SETTING = 'session_secret';
const cache = new WeakMap<Storage, Promise<string>>();

/**
 * The key that signs session cookies and derives quiz seeds: `SESSION_SECRET` when set, else one generated
 * on first start and kept in the database, so that every instance sharing the database agrees on it.
 */
export function getSessionSecret(storage: Storage, env: Env = process.env): Promise<string> {
  const configured = configuredSessionSecret(env);
  if (configured) return Promise.resolve(configured);
  let secret = cache.get(storage);
  if (!secret) {
    secret = storage
      .getOrInsertSetting(SESSION_SECRET_SETTING, () => randomBytes(32).toString('base64url'))
      .then((setting) => setting.value);
    secret.catch(() => cache.delete(storage));
    cache.set(storage, secret);
  }
  return secret;
}

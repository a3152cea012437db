import { randomBytes } from 'node:crypto';
import { configuredSessionSecret, type Env } from './config';
import type { ClassroomStore } from './storage/types';

const SESSION_SECRET_SETTING = 'session_secret';
const cache = new WeakMap<ClassroomStore, Promise<string>>();

/**
 * The key that signs session cookies and derives quiz seeds: `SESSION_SECRET` when set, else one generated
 * on first start and kept in the database, so that every instance sharing the database agrees on it.
 */
export function getSessionSecret(store: ClassroomStore, env: Env = process.env): Promise<string> {
  const configured = configuredSessionSecret(env);
  if (configured) return Promise.resolve(configured);
  let secret = cache.get(store);
  if (!secret) {
    secret = store.settings
      .getOrInsert(SESSION_SECRET_SETTING, () => randomBytes(32).toString('base64url'))
      .then((setting) => setting.value);
    secret.catch(() => cache.delete(store));
    cache.set(store, secret);
  }
  return secret;
}

import { databasePath } from '../config';
import { SqliteStorage } from './sqlite';
import type { Storage } from './types';

export type * from './types';

// Kept on globalThis so that every route bundle in this process shares one connection.
const slot = Symbol.for('coursekit.teach.storage');
type Holder = { [slot]?: Storage };

/** The process-wide storage, opened (and migrated) on first use from `DATABASE_URL`. */
export function getStorage(): Storage {
  const holder = globalThis as Holder;
  let storage = holder[slot];
  if (!storage) {
    storage = SqliteStorage.open(databasePath());
    holder[slot] = storage;
  }
  return storage;
}

/** Replaces the process-wide storage (tests use an in-memory database). */
export function setStorage(storage: Storage | undefined): void {
  (globalThis as Holder)[slot] = storage;
}

import { initial } from './001-initial';
import { attemptSteps } from './002-attempt-steps';
import { teaching } from './003-teaching';
import { lti } from './004-lti';
import { roster } from './005-roster';
import { teachers } from './006-teachers';

export interface Migration {
  /** 1, 2, 3 ... in the order they run; recorded in `schema_migrations` once applied. */
  version: number;
  name: string;
  sql: string;
}

/** Every SQLite migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial, attemptSteps, teaching, lti, roster, teachers];

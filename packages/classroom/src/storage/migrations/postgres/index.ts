import type { Migration } from '../sqlite/index';
import { initial } from './001-initial';
import { lti } from './003-lti';

/** Every PostgreSQL migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial, lti];

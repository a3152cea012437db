import type { Migration } from '../sqlite/index';
import { initial } from './001-initial';
import { teaching } from './002-teaching';
import { lti } from './003-lti';
import { roster } from './004-roster';
import { teachers } from './005-teachers';

/** Every PostgreSQL migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial, teaching, lti, roster, teachers];

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../package.json';
import { citeprocVersion } from './lazy-modules.js';

/**
 * Where rendered citations and bibliographies are kept, by a hash of everything that decides them (style,
 * locale, references and the citations before them). Any store with `get` and `set` will do: a `Map`, the
 * folder of `createCitationCache({ dir })`, or a store of the app's own. Values are plain JSON data.
 */
export interface CitationCache {
  /** The value stored under `key`, or `undefined`. */
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CitationCacheOptions {
  /** Also keep entries as JSON files in this folder, so that a later process renders nothing it has seen. */
  dir?: string | undefined;
}

export interface CitationCacheStats {
  hits: number;
  misses: number;
}

/** An in-memory citation cache, backed by a folder of JSON files when `dir` is given. */
export function createCitationCache(
  options: CitationCacheOptions = {},
): CitationCache & { readonly stats: CitationCacheStats } {
  const memory = new Map<string, unknown>();
  const stats: CitationCacheStats = { hits: 0, misses: 0 };
  const { dir } = options;
  let madeDir = false;
  return {
    stats,
    get(key) {
      if (memory.has(key)) {
        stats.hits++;
        return memory.get(key);
      }
      if (dir) {
        try {
          const value: unknown = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
          memory.set(key, value);
          stats.hits++;
          return value;
        } catch {
          // A missing or unreadable entry is rendered again.
        }
      }
      stats.misses++;
      return undefined;
    },
    set(key, value) {
      memory.set(key, value);
      if (!dir) return;
      if (!madeDir) mkdirSync(dir, { recursive: true });
      madeDir = true;
      const target = join(dir, `${key}.json`);
      // Write then rename, so that a crash never leaves a half-written entry for a later run to read.
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, target);
    },
  };
}

/** A key for the cache: a hash of the parts, of this package's and citeproc-js's versions. */
export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  hash.update(`coursekit-citations-1-${version}-citeproc-${citeprocVersion()}`);
  for (const part of parts) {
    hash.update('\0');
    hash.update(typeof part === 'string' ? part : JSON.stringify(part ?? null));
  }
  return hash.digest('hex');
}

import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../package.json';
import { citeprocVersion } from './lazy-modules.js';

/**
 * Where rendered citations and bibliographies are kept, by a hash of everything that decides them (style,
 * locale, references and the citations before them). Any store with `get` and `set` will do: a `Map`, the
 * file of `createCitationCache({ dir })`, or a store of the app's own. Values are plain JSON data.
 */
export interface CitationCache {
  /** The value stored under `key`, or `undefined`. */
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CitationCacheOptions {
  /**
   * Also keep entries in this folder (in one file, `citations.ndjson`), so that a later process renders
   * nothing it has seen. Delete the folder to empty the cache.
   */
  dir?: string | undefined;
}

export interface CitationCacheStats {
  hits: number;
  misses: number;
}

/** An in-memory citation cache, backed by a file in `dir` when one is given. */
export function createCitationCache(
  options: CitationCacheOptions = {},
): CitationCache & { readonly stats: CitationCacheStats } {
  const memory = new Map<string, unknown>();
  const stats: CitationCacheStats = { hits: 0, misses: 0 };
  const { dir } = options;
  const file = dir === undefined ? undefined : join(dir, 'citations.ndjson');
  let read = false;
  // The file is read once, when the cache is first used: a line per entry, `[key, value]`.
  const readFile = () => {
    read = true;
    if (!file) return;
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // No file yet.
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const entry: unknown = JSON.parse(line);
        if (Array.isArray(entry) && typeof entry[0] === 'string') memory.set(entry[0], entry[1]);
      } catch {
        // A line cut short (a process stopped while writing it) is skipped; its entry is rendered again.
      }
    }
  };
  let madeDir = false;
  return {
    stats,
    get(key) {
      if (!read) readFile();
      if (memory.has(key)) {
        stats.hits++;
        return memory.get(key);
      }
      stats.misses++;
      return undefined;
    },
    set(key, value) {
      if (!read) readFile();
      memory.set(key, value);
      if (!dir || !file) return;
      if (!madeDir) mkdirSync(dir, { recursive: true });
      madeDir = true;
      // One append per entry, far cheaper than a file each. Each line starts on a new line, so that a line a
      // stopped process left unfinished spoils no other; processes may share the file.
      appendFileSync(file, `\n${JSON.stringify([key, value])}`);
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

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CitationCache, createCitationCache } from '@coursekit/citations';

import { version } from '../package.json';

/** Bump when the shape of cached results changes; with the package version, so no release reads another's. */
const cacheFormat = `coursekit-mdx-cache-1-${version}`;

export interface CompileCacheStats {
  hits: number;
  misses: number;
}

/** Where compiled lessons are kept, keyed by a hash of everything that decides the result. */
export interface CompileCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  /**
   * Hand a value over within this process only (never written to disk), to be taken once with `take`:
   * a lesson checked by `loadCourse` is compiled by `buildCourse` without being parsed again.
   */
  hold?(key: string, value: unknown): void;
  take?<T>(key: string): T | undefined;
  /** Rendered citations and bibliographies, kept beside the lessons (in `dir/citations`, with a `dir`). */
  readonly citations?: CitationCache;
  readonly stats: CompileCacheStats;
}

export interface CompileCacheOptions {
  /** Also keep results as JSON files in this folder, so a later process reuses them. */
  dir?: string | undefined;
}

/** A hash of the given parts (lesson source, its context, options) for a cache key. */
export function contentHash(...parts: unknown[]): string {
  const hash = createHash('sha256');
  hash.update(cacheFormat);
  for (const part of parts) {
    hash.update('\0');
    hash.update(typeof part === 'string' ? part : JSON.stringify(part ?? null));
  }
  return hash.digest('hex');
}

/** An in-memory cache of compiled lessons, backed by a folder of JSON files when `dir` is given. */
export function createCompileCache(options: CompileCacheOptions = {}): CompileCache {
  const memory = new Map<string, unknown>();
  const stats: CompileCacheStats = { hits: 0, misses: 0 };
  const { dir } = options;
  let madeDir: Promise<unknown> | undefined;

  const held = new Map<string, unknown>();
  return {
    stats,
    citations: createCitationCache({ dir: dir === undefined ? undefined : join(dir, 'citations') }),
    hold(key, value) {
      held.set(key, value);
    },
    take<T>(key: string): T | undefined {
      const value = held.get(key) as T | undefined;
      held.delete(key);
      return value;
    },
    async get<T>(key: string): Promise<T | undefined> {
      if (memory.has(key)) {
        stats.hits++;
        return memory.get(key) as T;
      }
      if (dir) {
        try {
          const value = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as T;
          memory.set(key, value);
          stats.hits++;
          return value;
        } catch {
          // Missing or unreadable entries are recompiled.
        }
      }
      stats.misses++;
      return undefined;
    },
    async set<T>(key: string, value: T): Promise<void> {
      memory.set(key, value);
      if (!dir) return;
      madeDir ??= mkdir(dir, { recursive: true });
      await madeDir;
      const target = join(dir, `${key}.json`);
      // Write then rename, so a crash never leaves a half-written entry that a later run would read.
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, target);
    },
  };
}

import { closestMatches } from '@coursekit/issues';

export interface FindClosestKeysOptions {
  /** At most this many suggestions (default 3). */
  limit?: number;
}

/**
 * The known keys most like `key`, closest first; empty when nothing is close.
 * @deprecated Use `closestMatches` from `@coursekit/issues` (the one "did you mean" matcher of coursekit);
 * this alias goes in the next minor version.
 */
export function findClosestKeys(
  key: string,
  known: Iterable<string>,
  options: FindClosestKeysOptions = {},
): string[] {
  return closestMatches(key, known, { limit: options.limit ?? 3 });
}

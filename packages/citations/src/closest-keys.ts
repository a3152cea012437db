import { distance } from 'fastest-levenshtein';

export interface FindClosestKeysOptions {
  /** At most this many suggestions (default 3). */
  limit?: number;
}

/** The first run of letters: the author part of most keys (`rinna` in `rinna-two-peripheries`, `rinna2019`). */
function leadingWord(key: string): string {
  return /^\p{L}+/u.exec(key)?.[0] ?? '';
}

/** 0 for the same key, growing with difference; `undefined` when the keys are too far apart to suggest. */
function keyDistance(wanted: string, candidate: string): number | undefined {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  const whole = distance(a, b) / Math.max(a.length, b.length, 1);
  const scores = [whole];
  // Typing only the start of a key (`rinna` for `rinna-two-peripheries`).
  if (a.length >= 3 && b.startsWith(a)) scores.push(0.1);
  const wordA = leadingWord(a);
  const wordB = leadingWord(b);
  if (wordA.length >= 4 && wordB.length >= 4) {
    // A misspelt author (`rina2019` for `rinna-two-peripheries`) is the usual typo in a key.
    const words = distance(wordA, wordB);
    if (words <= 1) scores.push(0.15 + words * 0.1);
  }
  const best = Math.min(...scores);
  return best <= 0.4 ? best : undefined;
}

/**
 * The known keys most like `key`, closest first: keys a few edits away, keys that begin with it, and keys
 * whose author part is spelt nearly the same. Empty when nothing is close.
 */
export function findClosestKeys(
  key: string,
  known: Iterable<string>,
  options: FindClosestKeysOptions = {},
): string[] {
  const limit = options.limit ?? 3;
  const scored: Array<{ key: string; score: number }> = [];
  for (const candidate of new Set(known)) {
    if (candidate === key) continue;
    const score = keyDistance(key, candidate);
    if (score !== undefined) scored.push({ key: candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, limit).map((entry) => entry.key);
}

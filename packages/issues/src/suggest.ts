import { distance } from 'fastest-levenshtein';

export interface SuggestOptions {
  /** At most this many suggestions (default 1). */
  limit?: number;
}

/** The first run of letters: the author part of most citation keys (`rinna` in `rinna-two-peripheries`). */
function leadingWord(text: string): string {
  return /^\p{L}+/u.exec(text)?.[0] ?? '';
}

/** 0 for the same text, growing with difference; `undefined` when the two are too far apart to suggest. */
function closeness(wanted: string, candidate: string): number | undefined {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  const longer = Math.max(a.length, b.length, 1);
  const edits = distance(a, b);
  const scores: number[] = [];
  // A few edits: a third of the longer word, at least 2 ('titel' -> 'title', not 'id' -> 'quiz').
  if (edits <= Math.max(2, Math.floor(longer / 3))) scores.push(edits / longer);
  // Typing only the start (`rinna` for `rinna-two-peripheries`).
  if (a.length >= 3 && b.startsWith(a)) scores.push(0.1);
  const wordA = leadingWord(a);
  const wordB = leadingWord(b);
  // A misspelt author and a year (`rina2019` for `rinna-two-peripheries`) is the usual typo in a citation
  // key; only when the first word is most of what was typed ('explain-workers' is not 'explain-rupture').
  if (wordA.length >= 4 && wordB.length >= 4 && wordA.length * 2 >= a.length) {
    const words = distance(wordA, wordB);
    if (words <= 1) scores.push(0.15 + words * 0.1);
  }
  return scores.length === 0 ? undefined : Math.min(...scores);
}

/**
 * The candidates most like `value`, closest first (ties in the order given): a few edits away, beginning
 * with it, or with the first word spelt nearly the same. Empty when nothing is close enough to be a
 * likely typo. The one matcher behind every "did you mean" in coursekit.
 */
export function closestMatches(
  value: string,
  candidates: Iterable<string>,
  options: SuggestOptions = {},
): string[] {
  const limit = options.limit ?? 1;
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === value) continue;
    const score = closeness(value, candidate);
    if (score !== undefined) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** The one candidate closest to `value`, or `undefined` when none is close. */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(value, candidates)[0];
}

/** `did you mean 'a' or 'b'?`, or `undefined` for no values. */
export function didYouMean(expected: readonly string[] | undefined): string | undefined {
  if (!expected || expected.length === 0) return undefined;
  const quoted = expected.map((value) => `'${value}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return `did you mean ${list}?`;
}

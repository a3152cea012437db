import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `value` by edit distance (ignoring case), or `undefined` when none is close
 * enough to be a likely typo. Used for "did you mean" hints.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const lower = candidate.toLowerCase();
    const edits = distance(wanted, lower);
    // A third of the longer word, at least 2: 'titel' -> 'title', not 'id' -> 'quiz'.
    const allowed = Math.max(2, Math.floor(Math.max(wanted.length, lower.length) / 3));
    if (edits <= allowed && edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}

/** `did you mean 'x'?` for the closest candidate, or `undefined` when nothing is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(value, candidates);
  return match === undefined ? undefined : `did you mean '${match}'?`;
}

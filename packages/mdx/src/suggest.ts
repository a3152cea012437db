import { distance } from 'fastest-levenshtein';

/**
 * Up to `limit` candidates close to `value` (typos, a missing or extra word), best first, for
 * "did you mean" hints.
 */
export function closestMatches(value: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = value.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const edits = distance(wanted, lower);
    const allowed = Math.max(2, Math.floor(Math.max(wanted.length, lower.length) / 3));
    const related = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (edits <= allowed || related) scored.push({ candidate, score: related ? Math.min(edits, 1) : edits });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

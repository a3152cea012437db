import { closestMatch, closestMatches } from '@coursekit/issues';

export { closestMatch, closestMatches };

/**
 * `did you mean 'x'?` for the closest candidate, or `undefined` when nothing is close.
 * @deprecated Use `closestMatches` for the `expected` values of an issue and `didYouMean` from
 * `@coursekit/issues` to phrase them; this alias goes in the next minor version.
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(value, candidates);
  return match === undefined ? undefined : `did you mean '${match}'?`;
}

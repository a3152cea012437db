import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** A seed chosen by the server per student and attempt; the same seed always gives the same order. */
export type Seed = string | number;

/** FNV-1a over the scope parts, so that one seed gives independent streams per quiz and question. */
export function hashSeed(seed: Seed, ...scope: readonly string[]): number {
  const text = [String(seed), ...scope].join('\u0000');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRng(seed: Seed, ...scope: readonly string[]): RandomGenerator {
  return xoroshiro128plus(hashSeed(seed, ...scope));
}

/** Fisher–Yates over a copy: the result is always a permutation of `items`. Advances `rng` in place. */
export function shuffle<T>(items: readonly T[], rng: RandomGenerator): T[] {
  const result = items.slice();
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = unsafeUniformIntDistribution(0, index, rng);
    const current = result[index] as T;
    result[index] = result[other] as T;
    result[other] = current;
  }
  return result;
}

/** Indices 0..count-1 in seeded order (`order[position] = original index`). */
export function seededOrder(count: number, rng: RandomGenerator): number[] {
  return shuffle(
    Array.from({ length: count }, (_, index) => index),
    rng,
  );
}

const OPAQUE_ID_SPACE = 36 ** 6;

/**
 * Ids for `count` shown positions. They depend only on the seed stream and the position, never on which
 * authored item sits there, so an id tells a browser nothing it cannot already see.
 */
export function opaqueIds(count: number, prefix: string, rng: RandomGenerator): string[] {
  const ids: string[] = [];
  const used = new Set<string>();
  while (ids.length < count) {
    const id = `${prefix}${unsafeUniformIntDistribution(0, OPAQUE_ID_SPACE - 1, rng)
      .toString(36)
      .padStart(6, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      ids.push(id);
    }
  }
  return ids;
}

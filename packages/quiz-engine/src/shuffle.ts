import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** A seed chosen by the server per student and attempt; the same seed always gives the same order. */
export type Seed = string | number;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a continued over `text` from `hash` (a 32-bit state, signed or not). */
function fnvOver(hash: number, text: string): number {
  let state = hash;
  for (let index = 0; index < text.length; index += 1) {
    state ^= text.charCodeAt(index);
    state = Math.imul(state, FNV_PRIME);
  }
  return state;
}

/**
 * The hash state after `seed` and the scope parts, each part after a NUL: FNV-1a runs over the text a
 * character at a time, so `hashSeed` of a longer scope can continue from here without joining strings.
 */
export function seedHashState(seed: Seed, ...scope: readonly string[]): number {
  let state = fnvOver(FNV_OFFSET, String(seed));
  for (const part of scope) state = fnvOver(Math.imul(state, FNV_PRIME), part);
  return state;
}

/** `hashSeed(seed, ...scope, part)` from `seedHashState(seed, ...scope)`. */
export function continueSeedHash(state: number, part: string): number {
  // The separator is NUL (char code 0): XOR with 0 leaves the state, then one multiply.
  return fnvOver(Math.imul(state, FNV_PRIME), part) >>> 0;
}

/** FNV-1a over the scope parts, so that one seed gives independent streams per quiz and question. */
export function hashSeed(seed: Seed, ...scope: readonly string[]): number {
  return seedHashState(seed, ...scope) >>> 0;
}

export function createRng(seed: Seed, ...scope: readonly string[]): RandomGenerator {
  return xoroshiro128plus(hashSeed(seed, ...scope));
}

/** Fisher–Yates in place: `items` becomes a permutation of itself. Advances `rng` in place. */
function shuffleInPlace<T>(items: T[], rng: RandomGenerator): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = unsafeUniformIntDistribution(0, index, rng);
    const current = items[index] as T;
    items[index] = items[other] as T;
    items[other] = current;
  }
  return items;
}

/** Fisher–Yates over a copy: the result is always a permutation of `items`. Advances `rng` in place. */
export function shuffle<T>(items: readonly T[], rng: RandomGenerator): T[] {
  // Spread, not slice: slice leaves its fast path on frozen arrays (a parsed quiz's), about 20 times slower.
  return shuffleInPlace([...items], rng);
}

/** Indices 0..count-1 in authored order. */
export function identityOrder(count: number): number[] {
  const order: number[] = [];
  for (let index = 0; index < count; index += 1) order.push(index);
  return order;
}

/** Indices 0..count-1 in seeded order (`order[position] = original index`). */
export function seededOrder(count: number, rng: RandomGenerator): number[] {
  return shuffleInPlace(identityOrder(count), rng);
}

const OPAQUE_ID_DIGITS = 6;
const OPAQUE_ID_SPACE = 36 ** OPAQUE_ID_DIGITS;
// Base-36 digits as Number#toString(36) writes them.
const DIGIT_CODES = Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (digit) => digit.charCodeAt(0));
// Beyond this many ids a Set finds repeats faster than looking back over the ids drawn so far.
const LINEAR_REPEAT_CHECK = 32;

const HALF_SPACE = 36 ** 3;

/** `value` (below 36⁶) as six base-36 digits: `value.toString(36).padStart(6, '0')` without the runtime call. */
function sixDigits(value: number): string {
  // Two halves of three digits each are small integers (`| 0` tells the compiler so), so the divisions
  // stay integer arithmetic rather than floating-point remainders.
  let high = (value / HALF_SPACE) | 0;
  let low = (value - high * HALF_SPACE) | 0;
  const d5 = low % 36;
  low = (low / 36) | 0;
  const d4 = low % 36;
  const d3 = (low / 36) | 0;
  const d2 = high % 36;
  high = (high / 36) | 0;
  const d1 = high % 36;
  const d0 = (high / 36) | 0;
  return String.fromCharCode(
    DIGIT_CODES[d0] as number,
    DIGIT_CODES[d1] as number,
    DIGIT_CODES[d2] as number,
    DIGIT_CODES[d3] as number,
    DIGIT_CODES[d4] as number,
    DIGIT_CODES[d5] as number,
  );
}

/**
 * Ids for `count` shown positions. They depend only on the seed stream and the position, never on which
 * authored item sits there, so an id tells a browser nothing it cannot already see.
 */
export function opaqueIds(count: number, prefix: string, rng: RandomGenerator): string[] {
  const ids: string[] = [];
  const values: number[] = [];
  const used = count > LINEAR_REPEAT_CHECK ? new Set<number>() : undefined;
  while (ids.length < count) {
    const value = unsafeUniformIntDistribution(0, OPAQUE_ID_SPACE - 1, rng);
    // The same value gives the same id (the prefix is shared), so repeats are found among the values.
    if (used === undefined ? values.includes(value) : used.has(value)) continue;
    if (used === undefined) values.push(value);
    else used.add(value);
    ids.push(prefix + sixDigits(value));
  }
  return ids;
}

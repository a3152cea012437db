import fc from 'fast-check';
import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import {
  continueSeedHash,
  createRng,
  hashSeed,
  identityOrder,
  opaqueIds,
  seededOrder,
  seedHashState,
  shuffle,
} from './shuffle.js';

// The arrangement code as it was before the speed work: ids, orders and streams must come out the same,
// or stored attempts would no longer match the layouts their learners saw.
const reference = {
  hashSeed(seed: string | number, ...scope: readonly string[]): number {
    const text = [String(seed), ...scope].join('\u0000');
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  },
  shuffle<T>(items: readonly T[], rng: RandomGenerator): T[] {
    const result = items.slice();
    for (let index = result.length - 1; index > 0; index -= 1) {
      const other = unsafeUniformIntDistribution(0, index, rng);
      const current = result[index] as T;
      result[index] = result[other] as T;
      result[other] = current;
    }
    return result;
  },
  opaqueIds(count: number, prefix: string, rng: RandomGenerator): string[] {
    const ids: string[] = [];
    const used = new Set<string>();
    while (ids.length < count) {
      const id = `${prefix}${unsafeUniformIntDistribution(0, 36 ** 6 - 1, rng)
        .toString(36)
        .padStart(6, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        ids.push(id);
      }
    }
    return ids;
  },
};

const seed = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const part = fc.string({ unit: 'binary' });

describe('the seeded arrangement is the one it was', () => {
  it('hashes seeds and scopes alike, also continued part by part', () => {
    fc.assert(
      fc.property(seed, fc.array(part, { maxLength: 4 }), part, (value, scope, last) => {
        expect(hashSeed(value, ...scope)).toBe(reference.hashSeed(value, ...scope));
        expect(continueSeedHash(seedHashState(value, ...scope), last)).toBe(
          reference.hashSeed(value, ...scope, last),
        );
      }),
    );
  });

  it('draws the same orders and opaque ids from the same stream', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom('c', 'i', 'xy'),
        (n, count, prefix) => {
          const [ours, theirs] = [xoroshiro128plus(n), xoroshiro128plus(n)];
          expect(seededOrder(count, ours)).toEqual(
            reference.shuffle(
              Array.from({ length: count }, (_, index) => index),
              theirs,
            ),
          );
          expect(opaqueIds(count, prefix, ours)).toEqual(reference.opaqueIds(count, prefix, theirs));
          // Both streams are still in step.
          expect(ours.unsafeNext()).toBe(theirs.unsafeNext());
          expect(shuffle(['a', 'b', 'c', 'd'], ours)).toEqual(
            reference.shuffle(['a', 'b', 'c', 'd'], theirs),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes the six digits of the smallest and largest ids', () => {
    const stream = (value: number): RandomGenerator =>
      ({ unsafeNext: () => value - 0x80000000 }) as unknown as RandomGenerator;
    expect(opaqueIds(1, 'c', stream(0))).toEqual(['c000000']);
    expect(opaqueIds(1, 'c', stream(36 ** 6 - 1))).toEqual(['czzzzzz']);
    expect(opaqueIds(1, 'c', stream(36 ** 3))).toEqual(['c001000']);
    expect(identityOrder(3)).toEqual([0, 1, 2]);
    expect(createRng('s', 'q').unsafeNext()).toBe(
      xoroshiro128plus(reference.hashSeed('s', 'q')).unsafeNext(),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyResponse } from './plain-copy.js';

/** What structuredClone made of `value` before: the copy, or a refusal. */
function viaStructuredClone(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false };
  }
}

describe('copyResponse', () => {
  it('copies JSON data exactly as structuredClone did, into fresh objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copied = copyResponse(value);
        expect(copied).toStrictEqual(viaStructuredClone(value));
        if (copied.ok && typeof value === 'object' && value !== null) expect(copied.value).not.toBe(value);
      }),
    );
  });

  it('accepts and refuses what structuredClone did, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
        }),
        (value) => {
          expect(copyResponse(value)).toStrictEqual(viaStructuredClone(value));
        },
      ),
    );
  });

  it('keeps an own __proto__ key as a key, on an object with Object.prototype', () => {
    const copied = copyResponse(JSON.parse('{"__proto__": {"polluted": true}, "a": [1, 2]}'));
    expect(copied.ok).toBe(true);
    const value = (copied as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toStrictEqual(
      structuredClone(JSON.parse('{"__proto__": {"polluted": true}, "a": [1, 2]}')),
    );
  });

  it('refuses functions and symbols, and copies cycles, holes and deep nesting as structuredClone does', () => {
    expect(copyResponse(() => 1)).toEqual({ ok: false });
    expect(copyResponse({ a: [Symbol('s')] })).toEqual({ ok: false });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const copied = copyResponse(cyclic) as { ok: true; value: Record<string, unknown> };
    expect(copied.ok).toBe(true);
    expect(copied.value.self).toBe(copied.value);
    // biome-ignore lint/suspicious/noSparseArray: a list with a hole, as structuredClone keeps it
    const holey = [1, , 3];
    expect(copyResponse(holey)).toStrictEqual(viaStructuredClone(holey));
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100; level += 1) deep = [deep];
    expect(copyResponse(deep)).toStrictEqual(viaStructuredClone(deep));
    expect(copyResponse(new Date(0))).toStrictEqual(viaStructuredClone(new Date(0)));
  });
});

import { recordForOpaqueIds } from './types/opaque-record.js';

/**
 * A copy of a response as `structuredClone` makes it, for the data a browser sends (JSON: text, numbers,
 * booleans, null, lists, plain objects) without going through the serialiser. Anything else, or data
 * nested deeper than a response ever is, is left to `structuredClone` itself, so what is accepted and
 * refused (functions, symbols, class instances it cannot clone) is unchanged.
 */
export function copyResponse(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: copyPlain(value, 0) };
  } catch (error) {
    if (error !== NOT_PLAIN) return { ok: false };
  }
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false };
  }
}

// Thrown (never escapes) when the data needs structuredClone: cycles, deep nesting, anything not plain.
const NOT_PLAIN = Symbol('not plain data');
const MAX_PLAIN_DEPTH = 32;

function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object') {
    // Functions and symbols cannot be cloned: structuredClone says so.
    if (typeof value === 'function' || typeof value === 'symbol') throw NOT_PLAIN;
    return value;
  }
  if (value === null) return null;
  if (depth >= MAX_PLAIN_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN;
    const length = value.length;
    // Holes and extra named properties are kept by structuredClone; such lists go to it.
    if (Object.keys(value).length !== length) throw NOT_PLAIN;
    const copy: unknown[] = [];
    for (let index = 0; index < length; index += 1) copy.push(copyPlain(value[index], depth + 1));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN;
  // structuredClone gives null-prototype objects Object.prototype too. Keys of a response's objects are
  // opaque ids, new in every attempt: the copy starts in dictionary mode (see opaque-record.ts).
  const copy = recordForOpaqueIds<unknown>();
  for (const key of Object.keys(value)) {
    const item = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    // An own '__proto__' key (JSON.parse makes one) stays a key, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

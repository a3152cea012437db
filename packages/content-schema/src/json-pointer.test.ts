import { describe, expect, it } from 'vitest';
import { parseJsonPointer, toJsonPointer } from './json-pointer.js';

describe('JSON pointers', () => {
  it('joins keys and indexes', () => {
    expect(toJsonPointer(['terms', 2, 'seeAlso', 0])).toBe('/terms/2/seeAlso/0');
  });
  it('escapes ~ and / inside a key and reads them back', () => {
    const pointer = toJsonPointer(['a/b', 'c~d']);
    expect(pointer).toBe('/a~1b/c~0d');
    expect(parseJsonPointer(pointer)).toEqual(['a/b', 'c~d']);
  });
  it('treats the empty pointer as the whole document', () => {
    expect(toJsonPointer([])).toBe('');
    expect(parseJsonPointer('')).toEqual([]);
  });
  it('rejects a pointer without a leading slash, saying what it expected', () => {
    expect(() => parseJsonPointer('terms/0')).toThrow(/starts with '\/'/);
  });
});

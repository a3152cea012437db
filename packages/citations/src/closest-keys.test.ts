import { describe, expect, it } from 'vitest';
import { findClosestKeys } from './closest-keys.js';

const known = [
  'rinna-two-peripheries',
  'unsc-res-2397',
  'unga-res-es-11-1',
  'example-test-article',
  'tester-test-book',
];

describe('findClosestKeys', () => {
  it('suggests the key whose author part is spelt nearly the same', () => {
    expect(findClosestKeys('rina2019', known)).toEqual(['rinna-two-peripheries']);
  });

  it('suggests keys a few edits away, closest first', () => {
    expect(findClosestKeys('unsc-res-2379', known)[0]).toBe('unsc-res-2397');
    expect(findClosestKeys('unga-res-es-11-2', known)).toEqual(['unga-res-es-11-1']);
  });

  it('suggests keys that begin with what was typed', () => {
    expect(findClosestKeys('rinna', known)).toEqual(['rinna-two-peripheries']);
  });

  it('ignores case when comparing', () => {
    expect(findClosestKeys('Tester-Test-Book', known)).toEqual(['tester-test-book']);
  });

  it('suggests nothing for a key unlike any other, and respects the limit', () => {
    expect(findClosestKeys('zzz-unrelated', known)).toEqual([]);
    expect(findClosestKeys('un', ['una', 'unb', 'unc', 'und'], { limit: 2 })).toEqual(['una', 'unb']);
  });
});

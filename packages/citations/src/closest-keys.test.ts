import { closestMatches } from '@coursekit/issues';
import { describe, expect, it } from 'vitest';
import { findClosestKeys } from './closest-keys.js';

describe('findClosestKeys (deprecated)', () => {
  it('is the shared matcher with up to three keys', () => {
    const known = ['una', 'unb', 'unc', 'und', 'rinna-two-peripheries'];
    expect(findClosestKeys('un', known)).toEqual(closestMatches('un', known, { limit: 3 }));
    expect(findClosestKeys('rina2019', known)).toEqual(['rinna-two-peripheries']);
    expect(findClosestKeys('un', known, { limit: 2 })).toEqual(['una', 'unb']);
  });
});

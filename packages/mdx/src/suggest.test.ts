import { describe, expect, it } from 'vitest';
import { closestMatches } from './suggest.js';

describe('closestMatches', () => {
  it('offers the id one typo away first', () => {
    expect(closestMatches('evaporaton', ['condensation', 'evaporation', 'precipitation'])).toEqual([
      'evaporation',
    ]);
  });

  it('offers an id that contains what was typed', () => {
    expect(closestMatches('cycle', ['water-cycle', 'runoff'])).toEqual(['water-cycle']);
  });

  it('offers nothing when no candidate is close', () => {
    expect(closestMatches('photosynthesis', ['runoff', 'aquifer'])).toEqual([]);
  });
});

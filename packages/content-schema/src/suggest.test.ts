import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from './suggest.js';

describe('closestMatch', () => {
  it('finds a typo of an id', () => {
    expect(closestMatch('hanoi-sumit', ['vladivostok-summit', 'hanoi-summit'])).toBe('hanoi-summit');
  });
  it('ignores case when comparing', () => {
    expect(closestMatch('Equidistance', ['equidistance', 'unfriendly-country'])).toBe('equidistance');
  });
  it('offers nothing when no candidate is close', () => {
    expect(closestMatch('sanctions', ['equidistance', 'unfriendly-country'])).toBeUndefined();
  });
  it('never offers the value itself', () => {
    expect(closestMatch('title', ['title'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('phrases the hint', () => {
    expect(didYouMean('titel', ['id', 'title', 'summary'])).toBe("did you mean 'title'?");
  });
});

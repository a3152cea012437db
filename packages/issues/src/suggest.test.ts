import { describe, expect, it } from 'vitest';
import { closestMatch, closestMatches, didYouMean } from './suggest.js';

const keys = [
  'rinna-two-peripheries',
  'unsc-res-2397',
  'unga-res-es-11-1',
  'example-test-article',
  'tester-test-book',
];

describe('closestMatches', () => {
  it('finds a typo of an id', () => {
    expect(closestMatch('hanoi-sumit', ['vladivostok-summit', 'hanoi-summit'])).toBe('hanoi-summit');
    expect(closestMatch('titel', ['id', 'title', 'summary'])).toBe('title');
  });

  it('suggests the key whose author part is spelt nearly the same', () => {
    expect(closestMatches('rina2019', keys)).toEqual(['rinna-two-peripheries']);
  });

  it('suggests what begins with what was typed', () => {
    expect(closestMatches('rinna', keys)).toEqual(['rinna-two-peripheries']);
  });

  it('ranks closest first and keeps to the limit, ties in the order given', () => {
    expect(closestMatches('unsc-res-2379', keys, { limit: 3 })[0]).toBe('unsc-res-2397');
    expect(closestMatches('un', ['una', 'unb', 'unc', 'und'], { limit: 2 })).toEqual(['una', 'unb']);
  });

  it('ignores case, never offers the value itself, and offers nothing far away', () => {
    expect(closestMatch('Equidistance', ['equidistance', 'unfriendly-country'])).toBe('equidistance');
    expect(closestMatch('title', ['title'])).toBeUndefined();
    expect(closestMatches('sanctions', ['equidistance', 'unfriendly-country'])).toEqual([]);
    expect(closestMatch('id', ['quiz'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('phrases one value, several values, and nothing', () => {
    expect(didYouMean(['title'])).toBe("did you mean 'title'?");
    expect(didYouMean(['a', 'b', 'c'])).toBe("did you mean 'a', 'b' or 'c'?");
    expect(didYouMean([])).toBeUndefined();
  });
});

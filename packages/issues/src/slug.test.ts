import { describe, expect, it } from 'vitest';
import { isSlug, slugProblem, toSlug } from './slug.js';

describe('slugs', () => {
  it('accepts lowercase words joined by single hyphens only', () => {
    expect(isSlug('hanoi-summit')).toBe(true);
    expect(isSlug('Hanoi Summit')).toBe(false);
    expect(isSlug('hanoi--summit')).toBe(false);
    expect(isSlug('hanoi-summit-')).toBe(false);
  });

  it('turns a title into the id an author probably meant', () => {
    expect(toSlug('Hanoi Summit')).toBe('hanoi-summit');
    expect(toSlug('  Resolution 2397 (2017) ')).toBe('resolution-2397-2017');
    expect(toSlug('Kim–Putin')).toBe('kim-putin');
    expect(toSlug('Café Crème')).toBe('cafe-creme');
  });

  it('cuts a long slug at a hyphen boundary without a trailing hyphen', () => {
    expect(toSlug('The summit in Hanoi ended early', { maxLength: 14 })).toBe('the-summit-in');
  });

  it('says what a slug is when an id is not one', () => {
    expect(slugProblem('Hanoi Summit')).toContain('"Hanoi Summit" is not a valid id');
  });
});

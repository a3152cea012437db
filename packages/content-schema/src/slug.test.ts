import { describe, expect, it } from 'vitest';
import { slugSchema, toSlug } from './slug.js';

describe('slugSchema', () => {
  it('accepts a lowercase hyphenated id', () => {
    expect(slugSchema.parse('hanoi-summit')).toBe('hanoi-summit');
  });
  it('rejects spaces and capitals with a hint', () => {
    const result = slugSchema.safeParse('Hanoi Summit');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/lowercase/);
    expect(result.error?.issues[0]?.message).toContain('"Hanoi Summit"');
  });
  it('rejects doubled and trailing hyphens', () => {
    expect(slugSchema.safeParse('hanoi--summit').success).toBe(false);
    expect(slugSchema.safeParse('hanoi-summit-').success).toBe(false);
  });
});

describe('toSlug', () => {
  it('turns a title into the id an author probably meant', () => {
    expect(toSlug('Hanoi Summit')).toBe('hanoi-summit');
    expect(toSlug('  Resolution 2397 (2017) ')).toBe('resolution-2397-2017');
    expect(toSlug('Kim–Putin')).toBe('kim-putin');
  });
});

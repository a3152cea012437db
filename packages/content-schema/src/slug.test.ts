import { describe, expect, it } from 'vitest';
import { slugSchema } from './slug.js';

describe('slugSchema', () => {
  it('accepts a lowercase hyphenated id', () => {
    expect(slugSchema.parse('hanoi-summit')).toBe('hanoi-summit');
  });
  it('rejects spaces and capitals with a hint', () => {
    const result = slugSchema.safeParse('Hanoi Summit');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/lowercase/);
  });
});

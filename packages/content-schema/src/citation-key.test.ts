import { describe, expect, it } from 'vitest';
import { citationKeySchema } from './citation-key.js';
import { contentMeta } from './content-meta.js';

describe('citationKeySchema', () => {
  it('accepts BibTeX-style keys with internal punctuation', () => {
    for (const key of ['rinna-two-peripheries', 'unsc:res2397', 'A_2017.b']) {
      expect(citationKeySchema.safeParse(key).success).toBe(true);
    }
  });
  it('explains that the @ belongs to the citation, not the key', () => {
    const result = citationKeySchema.safeParse('@rinna-two-peripheries');
    expect(result.error?.issues[0]?.message).toMatch(/starts with '@'; write the key alone/);
    expect(contentMeta.get(citationKeySchema)?.expected?.('@rinna-two-peripheries')).toEqual([
      'rinna-two-peripheries',
    ]);
  });
  it('rejects keys with spaces', () => {
    expect(citationKeySchema.safeParse('rinna two').success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { contentMeta } from './content-meta.js';
import { languageTagSchema } from './language-tag.js';

const suggest = (input: string) => contentMeta.get(languageTagSchema)?.expected?.(input);

describe('languageTagSchema', () => {
  it('accepts language, script, region and variant subtags', () => {
    for (const tag of ['en', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'es-419', 'de-CH-1996']) {
      expect(languageTagSchema.safeParse(tag).success, tag).toBe(true);
    }
  });
  it('rejects language names and underscores, with examples of what to write', () => {
    const result = languageTagSchema.safeParse('English');
    expect(result.error?.issues[0]?.message).toBe(
      'language "English" is not a BCP 47 language tag; use a code such as en, en-GB, de or pt-BR',
    );
    expect(languageTagSchema.safeParse('en_GB').success).toBe(false);
  });
  it('suggests the tag an author meant', () => {
    expect(suggest('en_GB')).toEqual(['en-GB']);
    expect(suggest('English')).toEqual(['en']);
    expect(suggest('Klingon')).toBeUndefined();
  });
});

describe('languageTagSchema suggestions by name', () => {
  it('knows languages beyond English', () => {
    expect(suggest('Korean')).toEqual(['ko']);
    expect(suggest('ukrainian')).toEqual(['uk']);
  });
});

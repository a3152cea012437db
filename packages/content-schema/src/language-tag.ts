import { z } from 'zod';
import { contentMeta } from './content-meta.js';

// Well-formed BCP 47 language tags as courses use them: language, optional script, region and variants.
const languageTagPattern =
  /^[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$/;

function twoLetterCodes(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return [...letters].flatMap((first) => [...letters].map((second) => `${first}${second}`));
}

/** The language of the course as a BCP 47 tag: `en`, `en-GB`, `de`, `pt-BR`, `zh-Hant-TW`. */
export const languageTagSchema = z
  .string()
  .regex(languageTagPattern, {
    error: (issue) =>
      `language ${JSON.stringify(issue.input)} is not a BCP 47 language tag; use a code such as en, en-GB, de or pt-BR`,
  })
  .register(contentMeta, {
    ruleId: 'course/invalid-language',
    expected: (input) => {
      if (typeof input !== 'string') return undefined;
      const hyphenated = input.trim().replaceAll('_', '-');
      if (hyphenated !== input && languageTagPattern.test(hyphenated)) return [hyphenated];
      const name = input.trim().toLowerCase();
      const byName = new Intl.DisplayNames(['en'], { type: 'language' });
      const guess = twoLetterCodes().find((code) => byName.of(code)?.toLowerCase() === name);
      return guess ? [guess] : undefined;
    },
  });

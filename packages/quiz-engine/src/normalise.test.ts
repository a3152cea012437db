import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldText, normaliseAnswer } from './normalise.js';

it('ignores case, accents, punctuation and extra spaces', () => {
  expect(normaliseAnswer('  Équidistance!  ')).toBe('equidistance');
  expect(normaliseAnswer('UN   Resolution, 2397')).toBe('un resolution 2397');
  expect(normaliseAnswer('Equidistance')).toBe('equidistance');
  expect(normaliseAnswer('2397')).toBe('2397');
});

it('folds plain words through its shortcut exactly as the full folding does', () => {
  const plainish = fc.string({
    unit: fc.constantFrom(...'aZ09 Éé!\t-_ß\u0301İ'.split('')),
    maxLength: 12,
  });
  fc.assert(
    fc.property(fc.oneof(plainish, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
      expect(normaliseAnswer(text)).toBe(foldText(text));
    }),
    { numRuns: 2000 },
  );
});

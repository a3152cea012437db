import { expect, it } from 'vitest';
import { normaliseAnswer } from './normalise.js';

it('ignores case, accents, punctuation and extra spaces', () => {
  expect(normaliseAnswer('  Équidistance!  ')).toBe('equidistance');
  expect(normaliseAnswer('UN   Resolution, 2397')).toBe('un resolution 2397');
});

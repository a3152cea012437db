import { expect, it } from 'vitest';
import { citationKeyPattern } from './keys.js';

it('matches keys with colons, dots, hyphens and underscores, not trailing punctuation', () => {
  expect('rinna-two-peripheries.'.match(citationKeyPattern)?.[0]).toBe('rinna-two-peripheries');
  expect('un:s_res.2397'.match(citationKeyPattern)?.[0]).toBe('un:s_res.2397');
});

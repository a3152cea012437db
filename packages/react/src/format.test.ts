import { expect, it } from 'vitest';
import { formatMinutes } from './format.js';

it('writes durations in hours and minutes', () => {
  expect(formatMinutes(50)).toBe('50 minutes');
  expect(formatMinutes(60)).toBe('1 hour');
  expect(formatMinutes(380)).toBe('6 hours 20 minutes');
  expect(formatMinutes(1)).toBe('1 minute');
  expect(formatMinutes(0)).toBe('0 minutes');
});

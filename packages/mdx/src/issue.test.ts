import { expect, it } from 'vitest';
import { formatIssue } from './issue.js';

it('prints an issue with its place, severity, message and rule', () => {
  expect(
    formatIssue({
      file: 'lessons/02.mdx',
      line: 14,
      column: 3,
      severity: 'error',
      message: 'unknown key',
      ruleId: 'citation/unknown-key',
    }),
  ).toBe('lessons/02.mdx:14:3  error  unknown key  citation/unknown-key');
});

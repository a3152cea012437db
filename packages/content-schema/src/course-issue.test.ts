import { describe, expect, it } from 'vitest';
import { type CourseIssue, formatIssue, hasErrors } from './course-issue.js';

const unknownPrerequisite: CourseIssue = {
  file: 'lessons/02-sanctions.mdx',
  pointer: '/prerequisites/0',
  message: "unknown prerequisite 'rupture-and-upswng'",
  ruleId: 'lesson/unknown-prerequisite',
  severity: 'error',
  expected: ['rupture-and-upswing'],
};

describe('formatIssue', () => {
  it('prints file:line:column, the message, the suggestion and the rule', () => {
    expect(formatIssue(unknownPrerequisite, { line: 9, column: 5 })).toBe(
      "lessons/02-sanctions.mdx:9:5  error  unknown prerequisite 'rupture-and-upswng' (did you mean 'rupture-and-upswing'?)  lesson/unknown-prerequisite",
    );
  });
  it('marks warnings and prints only the file when the place is unknown', () => {
    const warning: CourseIssue = { ...unknownPrerequisite, severity: 'warning', expected: undefined };
    expect(formatIssue(warning)).toBe(
      "lessons/02-sanctions.mdx  warning  unknown prerequisite 'rupture-and-upswng'  lesson/unknown-prerequisite",
    );
  });
});

describe('hasErrors', () => {
  it('is false when there are only warnings', () => {
    expect(hasErrors([{ ...unknownPrerequisite, severity: 'warning' }])).toBe(false);
    expect(hasErrors([unknownPrerequisite])).toBe(true);
  });
});

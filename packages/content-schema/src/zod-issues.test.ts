import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lessonFrontmatterSchema } from './lesson-frontmatter-schema.js';
import { authoredLessons } from './test-fixtures.js';
import { zodIssuesToCourseIssues } from './zod-issues.js';

const lesson = authoredLessons[0]?.data ?? {};
const file = 'lessons/01-rupture-and-upswing.mdx';

function errorOf(schema: z.ZodType, data: unknown): z.ZodError {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected the data to be invalid');
  return result.error;
}

describe('zodIssuesToCourseIssues', () => {
  it('gives one issue per unknown key, each pointing at its key', () => {
    const error = errorOf(lessonFrontmatterSchema, { ...lesson, titel: 'x', durration: 5 });
    const issues = zodIssuesToCourseIssues(error, file, { schema: lessonFrontmatterSchema, input: lesson });
    expect(issues.map((issue) => [issue.pointer, issue.target, issue.expected])).toEqual([
      ['/titel', 'key', ['title']],
      ['/durration', 'key', ['duration']],
    ]);
  });

  it('works from the error alone (parsed with reportInput), for schemas of other packages', () => {
    const quizLike = z.strictObject({ id: z.string(), passMark: z.number().max(100) });
    const parsed = quizLike.safeParse({ passMark: 170, shuffle: true }, { reportInput: true });
    const error = parsed.error as z.ZodError;
    expect(zodIssuesToCourseIssues(error, 'quizzes/a.yaml')).toEqual([
      {
        file: 'quizzes/a.yaml',
        pointer: '/id',
        message: "missing 'id' in this file",
        ruleId: 'schema/missing-field',
        severity: 'error',
      },
      {
        file: 'quizzes/a.yaml',
        pointer: '/passMark',
        message: "'passMark' must be at most 100, not 170",
        ruleId: 'schema/too-big',
        severity: 'error',
      },
      {
        file: 'quizzes/a.yaml',
        pointer: '/shuffle',
        message: "unknown key 'shuffle' in this file",
        ruleId: 'schema/unknown-key',
        severity: 'error',
        target: 'key',
      },
    ]);
  });

  it('does not mistake a wrong type for a missing field when it has no input to look at', () => {
    const error = errorOf(lessonFrontmatterSchema, { ...lesson, duration: 'fifty' });
    const [issue] = zodIssuesToCourseIssues(error, file, { schema: lessonFrontmatterSchema });
    expect(issue?.ruleId).toBe('schema/wrong-type');
    expect(issue?.message).toBe(
      "'duration' must be a number (Lesson length in minutes, a positive whole number, e.g. 50)",
    );
  });

  it('keeps the teacher-readable message of a registered check and its suggestion', () => {
    const data = { ...lesson, prerequisites: ['Rupture and Upswing'] };
    const error = errorOf(lessonFrontmatterSchema, data);
    const [issue] = zodIssuesToCourseIssues(error, file, { schema: lessonFrontmatterSchema, input: data });
    expect(issue).toMatchObject({
      pointer: '/prerequisites/0',
      ruleId: 'schema/invalid-id',
      expected: ['rupture-and-upswing'],
    });
  });

  it('escapes keys that contain a slash in the pointer', () => {
    const error = errorOf(lessonFrontmatterSchema, { ...lesson, 'notes/extra': 'x' });
    const [issue] = zodIssuesToCourseIssues(error, file, { schema: lessonFrontmatterSchema });
    expect(issue?.pointer).toBe('/notes~1extra');
  });
});

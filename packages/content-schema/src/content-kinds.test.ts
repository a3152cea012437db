import { describe, expect, it } from 'vitest';
import { contentKinds, parseContent } from './content-kinds.js';
import { authoredCourse } from './test-fixtures.js';

describe('parseContent', () => {
  it('returns the checked data when the file is valid', () => {
    const result = parseContent('course', authoredCourse, 'course.yaml');
    expect(result).toEqual({ ok: true, data: authoredCourse, issues: [] });
  });

  it('never throws on data of the wrong shape, and changes nothing', () => {
    const strange: unknown[] = [undefined, null, 42, 'text', [], [[]], { lessons: { a: 1 } }, new Date(0)];
    for (const kind of contentKinds) {
      for (const data of strange) {
        const before = structuredClone(data);
        const result = parseContent(kind, data, `${kind}.yaml`);
        expect(result.ok).toBe(false);
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) expect(issue.message).not.toMatch(/\bat .*\.ts:\d+/);
        expect(data).toEqual(before);
      }
    }
  });

  it('refuses an unknown kind, naming the kinds', () => {
    expect(() => parseContent('quizz' as never, {}, 'quiz.yaml')).toThrow(
      "unknown content kind 'quizz'; use one of course, lesson-frontmatter, glossary, timeline",
    );
  });
});

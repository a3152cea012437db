import { describe, expect, it } from 'vitest';
import { contentExamples } from './content-examples.js';
import { parseContent } from './content-kinds.js';
import { lessonFrontmatterSchema } from './lesson-frontmatter-schema.js';
import { authoredLessons } from './test-fixtures.js';

const lesson = authoredLessons[0]?.data ?? {};
const check = (data: unknown) =>
  parseContent('lesson-frontmatter', data, 'lessons/01-rupture-and-upswing.mdx');

describe('lessonFrontmatterSchema', () => {
  for (const example of contentExamples['lesson-frontmatter']) {
    it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}`, () => {
      expect(lessonFrontmatterSchema.safeParse(example.data).success).toBe(example.valid);
    });
  }

  it('fills in empty prerequisites and key terms when they are left out', () => {
    const { prerequisites: _p, keyTerms: _k, ...rest } = lesson as Record<string, unknown>;
    const result = check(rest);
    expect(result.ok && [result.data.prerequisites, result.data.keyTerms]).toEqual([[], []]);
  });

  it('accepts any objective text: the verb is a warning of validateCourse', () => {
    const objectives = [{ id: 'understand-summit', text: 'Understand the summit' }];
    expect(check({ ...lesson, objectives }).ok).toBe(true);
  });

  it('reports absurd numbers with the value and what the field means', () => {
    const result = check({ ...lesson, duration: -5, order: 0 });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "'order' must be greater than 0, not 0 (Position in the course, a positive whole number used by no other lesson)",
      "'duration' must be greater than 0, not -5 (Lesson length in minutes, a positive whole number, e.g. 50)",
    ]);
  });

  it('reports every problem in one pass, never only the first', () => {
    const result = check({
      ...lesson,
      titel: 'x',
      summary: '',
      duration: 'fifty',
      keyPoints: [''],
      objectives: [{ id: 'Explain Rupture', text: 'Know the dates', extra: true }],
    });
    expect(result.issues.map((issue) => `${issue.pointer} ${issue.ruleId}`)).toEqual([
      '/summary schema/empty',
      '/duration schema/wrong-type',
      '/objectives/0/id schema/invalid-id',
      '/objectives/0/extra schema/unknown-key',
      '/keyPoints/0 schema/empty',
      '/titel schema/unknown-key',
    ]);
  });

  it('tells an author who left a list blank to write one', () => {
    const [issue] = check({ ...lesson, keyTerms: null }).issues;
    expect(issue?.message).toBe(
      "'keyTerms' is empty; write a list after it (Ids of glossary terms the lesson introduces)",
    );
  });
});

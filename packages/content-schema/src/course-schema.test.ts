import { describe, expect, it } from 'vitest';
import { contentExamples } from './content-examples.js';
import { parseContent } from './content-kinds.js';
import { courseSchema } from './course-schema.js';
import { authoredCourse } from './test-fixtures.js';

const check = (data: unknown) => parseContent('course', data, 'course.yaml');

describe('courseSchema', () => {
  for (const example of contentExamples.course) {
    it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}`, () => {
      expect(courseSchema.safeParse(example.data).success).toBe(example.valid);
    });
  }

  it('reports a missing field by name, with what to write', () => {
    const { title: _title, ...withoutTitle } = authoredCourse;
    const result = check(withoutTitle);
    expect(result.issues).toEqual([
      {
        file: 'course.yaml',
        pointer: '/title',
        message: "missing 'title' in course.yaml (The course title)",
        ruleId: 'schema/missing-field',
        severity: 'error',
      },
    ]);
  });

  it('points an unknown key at the key, lists the allowed keys and suggests the closest', () => {
    const [issue] = check({ ...authoredCourse, sumary: 'x' }).issues;
    expect(issue).toMatchObject({
      pointer: '/sumary',
      target: 'key',
      ruleId: 'schema/unknown-key',
      expected: ['summary'],
    });
    expect(issue?.message).toMatch(
      /^unknown key 'sumary' in course.yaml; allowed keys: id, title, subtitle, summary,/,
    );
  });

  it('suggests the SPDX id and the language tag an author meant', () => {
    const result = check({ ...authoredCourse, license: 'cc by 4.0', language: 'en_GB' });
    expect(result.issues.map((issue) => [issue.pointer, issue.ruleId, issue.expected])).toEqual([
      ['/language', 'course/invalid-language', ['en-GB']],
      ['/license', 'course/unknown-license', ['CC-BY-4.0']],
    ]);
  });

  it('keeps file paths inside the course folder', () => {
    const [issue] = check({ ...authoredCourse, timeline: '/etc/timeline.yaml' }).issues;
    expect(issue?.ruleId).toBe('course/invalid-path');
    expect(issue?.message).toBe(
      'timeline "/etc/timeline.yaml" must be a path inside the course folder, relative to course.yaml, e.g. "timeline.yaml"',
    );
  });

  it('takes any level, such as secondary, without an issue', () => {
    expect(check({ ...authoredCourse, level: 'secondary' }).ok).toBe(true);
    expect(check({ ...authoredCourse, level: 'undergrad' }).ok).toBe(true);
  });

  it('suggests the closest built-in citation style, and takes other styles as a .csl file', () => {
    const [issue] = check({ ...authoredCourse, citationStyle: 'chicago-author-dat' }).issues;
    expect(issue).toMatchObject({ ruleId: 'schema/not-allowed', expected: ['chicago-author-date'] });
    const [file] = check({ ...authoredCourse, citationStyleFile: 'ieee.xml' }).issues;
    expect(file?.message).toBe(
      'citation style file "ieee.xml" must be a file name ending in .csl, e.g. "styles/ieee.csl"',
    );
  });

  it('defaults the citation style to chicago-author-date', () => {
    const { citationStyle: _style, ...withoutStyle } = authoredCourse;
    const result = check(withoutStyle);
    expect(result.ok && result.data.citationStyle).toBe('chicago-author-date');
  });
});

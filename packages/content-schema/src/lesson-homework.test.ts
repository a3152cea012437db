import { describe, expect, it } from 'vitest';
import { validBundle } from './test-fixtures.js';
import { validateCourse } from './validate-course.js';

// A lesson's workload is its class time plus its homework; the course estimate must cover both.
describe('homework in the course estimate', () => {
  it('counts each lesson’s homeworkMinutes with its duration', () => {
    const bundle = validBundle();
    const classMinutes = bundle.lessons.reduce((sum, lesson) => sum + lesson.data.duration, 0);
    bundle.course.data.estimatedMinutes = classMinutes;
    expect(validateCourse(bundle).issues).toEqual([]);

    const [first] = bundle.lessons;
    if (!first) throw new Error('the example course has no lesson');
    first.data.homeworkMinutes = 30;
    const issues = validateCourse(bundle).issues.filter(
      (issue) => issue.ruleId === 'course/estimate-below-lessons',
    );
    expect(issues).toMatchObject([
      { message: expect.stringContaining(`add up to ${classMinutes + 30} minutes`), severity: 'warning' },
    ]);
  });
});

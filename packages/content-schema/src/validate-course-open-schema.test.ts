// The schema of any course: objective verbs as a configurable warning, open levels, timeline groups.
import { describe, expect, it } from 'vitest';
import type { Bundle } from './bundle.js';
import { validBundle } from './test-fixtures.js';
import { validateCourse } from './validate-course.js';

function withObjective(text: string): Bundle {
  const bundle = validBundle();
  const lesson = bundle.lessons[0];
  if (!lesson) throw new Error('the example course has no lesson');
  const [first] = lesson.data.objectives;
  if (first) first.text = text;
  return bundle;
}

const issuesOf = (bundle: Bundle, ruleId: string) =>
  validateCourse(bundle).issues.filter((issue) => issue.ruleId === ruleId);

describe('objectives that do not start with an observable verb', () => {
  it('are a warning, with the verb that likely fits, and leave the course valid', () => {
    const bundle = withObjective('Understand the summit');
    const result = validateCourse(bundle);
    expect(result.ok).toBe(true);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      file: 'lessons/01-rupture-and-upswing.mdx',
      pointer: '/objectives/0/text',
      ruleId: 'lesson/objective-verb',
      severity: 'warning',
      expected: ['explain'],
    });
    expect(result.issues[0]?.message).toContain(
      'objective \'explain-rupture\' starts with "Understand", not a verb a teacher can observe',
    );
    expect(result.issues[0]?.message).toContain('docs/objective-verbs.md of @coursekit/content-schema');
  });

  it('suggest the closest spelling of a misspelt verb', () => {
    expect(issuesOf(withObjective('Calcualte the total'), 'lesson/objective-verb')[0]?.expected).toEqual([
      'calculate',
    ]);
  });

  it('accept the wider Bloom list: "Calculate" and "Design" pass', () => {
    expect(validateCourse(withObjective('Calculate the years between 1776 and 1863.')).issues).toEqual([]);
    expect(validateCourse(withObjective('Design a timeline of the summit.')).issues).toEqual([]);
  });

  it("accept a course's own verbs (objectiveVerbs.add)", () => {
    const bundle = withObjective('Sketch the front lines in 2022.');
    expect(issuesOf(bundle, 'lesson/objective-verb')).toHaveLength(1);
    bundle.course.data.objectiveVerbs = { add: ['Sketch'] };
    expect(issuesOf(bundle, 'lesson/objective-verb')).toEqual([]);
  });

  it('check only the verbs a course names (objectiveVerbs.only)', () => {
    const bundle = withObjective('Explain the summit.');
    bundle.course.data.objectiveVerbs = { only: ['sketch', 'label'] };
    const flagged = issuesOf(bundle, 'lesson/objective-verb');
    // Every objective of the example course starts with a built-in verb, none with sketch or label.
    const objectives = bundle.lessons.flatMap((lesson) => lesson.data.objectives);
    expect(flagged).toHaveLength(objectives.length);
    expect(flagged[0]?.pointer).toBe('/objectives/0/text');
  });

  it('are an error or nothing when the course says so (objectiveVerbs.severity)', () => {
    const bundle = withObjective('Understand the summit');
    bundle.course.data.objectiveVerbs = { severity: 'error' };
    expect(validateCourse(bundle).ok).toBe(false);
    bundle.course.data.objectiveVerbs = { severity: 'off' };
    expect(validateCourse(bundle).issues).toEqual([]);
  });
});

describe('level', () => {
  it('is open: a level of its own gets no issue', () => {
    const bundle = validBundle();
    bundle.course.data.level = 'secondary';
    expect(validateCourse(bundle).issues).toEqual([]);
    bundle.course.data.level = 'adult evening classes';
    expect(validateCourse(bundle).issues).toEqual([]);
  });

  it('gets a hint, never an error, when it looks like a misspelt suggestion', () => {
    const bundle = validBundle();
    bundle.course.data.level = 'undergrad';
    const result = validateCourse(bundle);
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      { pointer: '/level', ruleId: 'course/level-hint', severity: 'warning', expected: ['undergraduate'] },
    ]);
  });
});

describe('timeline events', () => {
  it('need no afterArticle', () => {
    const bundle = validBundle();
    for (const event of bundle.timeline?.data.events ?? []) delete event.afterArticle;
    expect(validateCourse(bundle).issues).toEqual([]);
  });

  it('may be grouped by a group the course defines', () => {
    const bundle = validBundle();
    bundle.course.data.timelineGroups = [{ id: 'after-source', label: 'What happened next' }];
    const event = bundle.timeline?.data.events[0];
    if (!event) throw new Error('the example timeline has no event');
    event.group = 'after-source';
    expect(validateCourse(bundle).issues).toEqual([]);
    event.group = 'after-sourse';
    expect(issuesOf(bundle, 'timeline/unknown-group')).toMatchObject([
      { pointer: '/events/0/group', severity: 'error', expected: ['after-source'] },
    ]);
  });

  it('name a group only when the course defines groups', () => {
    const bundle = validBundle();
    const event = bundle.timeline?.data.events[0];
    if (!event) throw new Error('the example timeline has no event');
    event.group = 'after-source';
    const [issue] = issuesOf(bundle, 'timeline/unknown-group');
    expect(issue?.message).toBe(
      "event 'treaty-lapses' is in group 'after-source', but course.yaml has no timelineGroups; add one with id: after-source and a label",
    );
  });
});

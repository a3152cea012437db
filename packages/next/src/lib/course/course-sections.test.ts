import { describe, expect, it } from 'vitest';
import { type CourseData, courseSections } from './get-course.js';

const course = (parts: Partial<CourseData>) =>
  ({ references: [], glossary: undefined, timeline: undefined, reading: undefined, ...parts }) as CourseData;

describe('courseSections', () => {
  it('offers no study page for a course with lessons only', () => {
    expect(courseSections(course({}))).toEqual({
      reading: false,
      glossary: false,
      timeline: false,
      bibliography: false,
    });
  });

  it('counts an empty glossary or timeline file as none', () => {
    const sections = courseSections(
      course({ glossary: { terms: [] } as never, timeline: { events: [] } as never }),
    );
    expect(sections.glossary).toBe(false);
    expect(sections.timeline).toBe(false);
  });
});

describe('the Two Peripheries course', async () => {
  const { loadCourseData } = await import('./get-course.js');
  const data = await loadCourseData(
    new URL('../../../../../apps/teach/content/two-peripheries', import.meta.url).pathname,
  );
  it('has every study page', () => {
    expect(courseSections(data)).toEqual({
      reading: true,
      glossary: true,
      timeline: true,
      bibliography: true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { lessonReference, siteUrl } from './cite-lesson.js';

const course = {
  title: 'Two Peripheries',
  authors: [{ name: 'coursekit contributors' }],
  citationStyle: 'chicago-author-date' as const,
};

describe('lessonReference', () => {
  it('cites the lesson as part of the course, in the course style', () => {
    const { text } = lessonReference(
      course,
      { id: 'rupture-and-upswing', title: 'From Rupture to Upswing' },
      undefined,
    );
    expect(text).toContain('coursekit contributors');
    expect(text).toContain('From Rupture to Upswing');
    expect(text).toContain('Two Peripheries');
  });

  it('adds the lesson address when the site address is known', () => {
    const { text } = lessonReference(
      { ...course, citationStyle: 'apa' },
      { id: 'rupture-and-upswing', title: 'From Rupture to Upswing' },
      'https://course.example.org',
    );
    expect(text).toContain('https://course.example.org/lessons/rupture-and-upswing');
  });
});

describe('siteUrl', () => {
  it('reads COURSEKIT_SITE_URL without a trailing slash and ignores a malformed one', () => {
    expect(siteUrl({ COURSEKIT_SITE_URL: 'https://course.example.org/' })).toBe('https://course.example.org');
    expect(siteUrl({ COURSEKIT_SITE_URL: 'not a url' })).toBeUndefined();
    expect(siteUrl({})).toBeUndefined();
  });
});

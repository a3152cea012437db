import { describe, expect, it } from 'vitest';
import { courseSchema } from './course-schema.js';
import { lessonFrontmatterSchema } from './lesson-frontmatter-schema.js';
import { allowedKeys, descriptionOf, metaOf, schemasAtPath } from './schema-walk.js';
import { timelineSchema } from './timeline-schema.js';

describe('schemasAtPath', () => {
  it('follows object keys and array items, through optional and default wrappers', () => {
    const chains = schemasAtPath(lessonFrontmatterSchema, ['objectives', 0]);
    expect(allowedKeys(chains)).toEqual(['id', 'text']);
    expect(metaOf(chains, 'label')).toBe('objective');
    expect(metaOf(schemasAtPath(lessonFrontmatterSchema, ['prerequisites', 3]), 'ruleId')).toBe(
      'schema/invalid-id',
    );
  });

  it('looks into every branch of a union', () => {
    const chains = schemasAtPath(timelineSchema, ['events', 0]);
    expect(chains).toHaveLength(3);
    expect(allowedKeys(chains)).toContain('afterArticle');
    expect(metaOf(schemasAtPath(timelineSchema, ['events', 0, 'endDate']), 'ruleId')).toBe(
      'timeline/invalid-date',
    );
  });

  it('returns the description written for a field', () => {
    expect(descriptionOf(schemasAtPath(courseSchema, ['estimatedMinutes']))).toMatch(/in minutes/);
  });

  it('returns nothing for a path the schema does not have', () => {
    expect(schemasAtPath(courseSchema, ['titel'])).toEqual([]);
    expect(schemasAtPath(courseSchema, ['title', 0])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { navItems } from './site-header.js';

describe('navItems', () => {
  it('links every study page of a course that has them all', () => {
    const all = { reading: true, glossary: true, timeline: true, bibliography: true };
    expect(navItems(all).map((item) => item.label)).toEqual([
      'Lessons',
      'Reading',
      'Glossary',
      'Timeline',
      'Bibliography',
    ]);
  });

  it('has no Reading or Timeline entry for a course without a reading or a timeline', () => {
    const some = { reading: false, glossary: true, timeline: false, bibliography: true };
    expect(navItems(some).map((item) => item.href)).toEqual(['/', '/glossary', '/bibliography']);
  });
});

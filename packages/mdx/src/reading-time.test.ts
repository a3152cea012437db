import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { countWords, readingTime } from './reading-time.js';
import { remarkCourseDirectives } from './remark-course-directives.js';

describe('reading time', () => {
  it('counts words by the language’s own rules, punctuation and spaces aside', () => {
    expect(countWords('Water rises, cools — and falls again.')).toBe(6);
    expect(countWords('水は蒸発して雲になる。', 'ja')).toBeGreaterThan(3);
  });

  it('counts what a student reads, not teacher-only blocks, at 200 words a minute', async () => {
    const prose = Array.from({ length: 250 }, () => 'word').join(' ');
    const teacherOnly = Array.from({ length: 1000 }, () => 'note').join(' ');
    const run = await runPlugins(`${prose}\n\n:::instructor\n${teacherOnly}\n:::\n`, [
      remarkCourseDirectives,
    ]);
    expect(readingTime(run.tree)).toEqual({ words: 250, minutes: 2 });
  });

  it('gives at least one minute', async () => {
    const run = await runPlugins('Short.\n', []);
    expect(readingTime(run.tree)).toEqual({ words: 1, minutes: 1 });
  });
});

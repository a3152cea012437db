import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { countWords, readingTime } from './reading-time.js';
import { remarkCourseDirectives } from './remark-course-directives.js';

describe('reading time', () => {
  it('counts words by the language’s own rules, punctuation and spaces aside', () => {
    expect(countWords('Water rises, cools — and falls again.')).toBe(6);
    expect(countWords('水は蒸発して雲になる。', 'ja')).toBeGreaterThan(3);
  });

  it('counts exactly as Intl.Segmenter does, for prose, code-like text and other scripts', async () => {
    const bySegmenter = (text: string, language = 'en') => {
      let words = 0;
      for (const segment of new Intl.Segmenter(language, { granularity: 'word' }).segment(text))
        if (segment.isWordLike) words++;
      return words;
    };
    const lessons = new URL('../../../apps/teach/content/two-peripheries/lessons/', import.meta.url).pathname;
    const course = await Promise.all(
      (await readdir(lessons)).map((name) => readFile(join(lessons, name), 'utf8')),
    );
    const samples = [
      ...course,
      "Don't stop: it's 1,000.5 km (e.g. U.S.A.) -- 3rd_place, snake_case _lead trail_ a:b x.y 10:30 'quoted'",
      '“Curly” quotes, café au lait, naïve résumé; über-cool — em dash… ellipsis',
      'Tabs\tand\nnew lines\r\nand  double  spaces, \u00a0non-breaking\u00a0spaces\u2009thin',
      'Combining e\u0301 marks \u0301lead, zero\u200bwidth, soft\u00adhyphen, emoji 👩‍👩‍👧 and 🇫🇮 flags',
      "水は蒸発して雲になる。 한국어 문장입니다. ภาษาไทยไม่มีช่องว่าง Ελληνικά Русский текст עברית'ת",
      '<html> $template [[wiki|link]] [@key, p. 3] #hash @at ~tilde ^caret `code` {brace} 100% $5',
      'well-known and/or a,b 1,2 a.b.c x/y 1.5 a;b 1;2 20-30',
      '',
      ' ',
      '...',
      '_',
      '__init__',
      '--',
      "'",
      'a',
      '1',
      'a1b2',
      'H2O',
      '..a..',
      ',1,',
      "'a'",
    ];
    for (const sample of samples) {
      expect(countWords(sample), sample.slice(0, 60)).toBe(bySegmenter(sample));
    }
    expect(countWords('水は蒸発して雲になる。', 'ja')).toBe(bySegmenter('水は蒸発して雲になる。', 'ja'));
    expect(countWords("L'eau s'évapore, puis retombe.", 'fr')).toBe(
      bySegmenter("L'eau s'évapore, puis retombe.", 'fr'),
    );
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

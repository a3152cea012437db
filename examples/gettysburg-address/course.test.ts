import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourse } from '@coursekit/mdx';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
const paragraphs = read('reading.md')
  .trim()
  .split(/\n\s*\n/);
const authoredFiles = [
  ...readdirSync(join(dir, 'lessons')).map((file) => `lessons/${file}`),
  ...readdirSync(join(dir, 'quizzes')).map((file) => `quizzes/${file}`),
  'glossary.yaml',
  'timeline.yaml',
];

describe('the Gettysburg Address example course', () => {
  it('loads with no problems', async () => {
    const { issues, lessons } = await loadCourse(dir);
    expect(issues).toEqual([]);
    expect(lessons.map((lesson) => lesson.id)).toEqual([
      'a-nation-conceived',
      'ground-they-consecrated',
      'the-unfinished-work',
    ]);
  });

  it('reads the three paragraphs of the shipped manuscript text, unchanged', () => {
    const source = read('source.txt')
      .trim()
      .split(/\n\s*\n/);
    expect(source[0]).toBe('Address delivered at the dedication of the Cemetery at Gettysburg.');
    expect(paragraphs).toEqual(source.slice(1, 4));
  });

  it('quotes every source block verbatim from the paragraph its locator names', () => {
    const blocks = authoredFiles
      .filter((file) => file.endsWith('.mdx'))
      .flatMap((file) =>
        [...read(file).matchAll(/:::source\{[^}]*locator="para\. (\d+)"\}\n([\s\S]*?)\n:::/g)].map(
          (match) => ({
            file,
            paragraph: Number(match[1]),
            quotation: (match[2] ?? '').trim(),
          }),
        ),
      );
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const { file, paragraph, quotation } of blocks) {
      expect(paragraphs[paragraph - 1], `${file}: "${quotation}" is not in para. ${paragraph}`).toContain(
        quotation,
      );
    }
  });

  it('takes every quoted phrase of two or more words from the address', () => {
    const text = paragraphs.join(' ');
    const quoted = authoredFiles.flatMap((file) =>
      // A quotation in prose; not an attribute value (locator="...") nor a quoted YAML scalar (text: "...").
      [
        ...read(file)
          .replace(/\s*\n\s*/g, ' ')
          .replace(/="[^"]*"|[\w-]+: "[^"]*"/g, '')
          .matchAll(/"([^"]+)"/g),
      ]
        .flatMap((match) => (match[1] ?? '').split(' ... '))
        .map((phrase) => phrase.trim().replace(/[.,]$/, ''))
        .filter((phrase) => phrase.includes(' ') && !phrase.includes('_'))
        .map((phrase) => ({ file, phrase })),
    );
    expect(quoted.length).toBeGreaterThan(15);
    for (const { file, phrase } of quoted) expect(text, `${file}: "${phrase}"`).toContain(phrase);
  });
});

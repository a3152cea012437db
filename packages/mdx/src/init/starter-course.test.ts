import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../load-course.js';

// The starter course rests on one public-domain text that it ships (reading.md): no fact from outside it.
const dir = new URL('../../starter/course/', import.meta.url).pathname;
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
const preamble = read('reading.md').trim();
const authoredFiles = [
  ...readdirSync(join(dir, 'lessons')).map((file) => `lessons/${file}`),
  ...readdirSync(join(dir, 'quizzes')).map((file) => `quizzes/${file}`),
  'glossary.yaml',
];

describe('the starter course', () => {
  it('loads with no problems, one lesson with a quiz of several question types', async () => {
    const { issues, lessons, quizzes } = await loadCourse(dir);
    expect(issues).toEqual([]);
    expect(lessons.map((lesson) => lesson.id)).toEqual(['we-the-people']);
    const types = new Set(Object.values(quizzes).flatMap((quiz) => quiz.questions.map((q) => q.type)));
    expect(types.size).toBeGreaterThanOrEqual(5);
  });

  it('ships the Preamble as one paragraph, the reading the citations point to as para. 1', () => {
    expect(preamble.split(/\n\s*\n/)).toHaveLength(1);
    expect(preamble).toMatch(/^We the People of the United States, in Order to form a more perfect Union,/);
    expect(preamble).toMatch(/do ordain and establish this Constitution for the United States of America\.$/);
  });

  it('quotes every source block verbatim', () => {
    const blocks = authoredFiles.flatMap((file) =>
      [...read(file).matchAll(/:::source\{[^}]*\}\n([\s\S]*?)\n:::/g)].map((match) =>
        (match[1] ?? '').trim(),
      ),
    );
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const quotation of blocks) expect(preamble).toContain(quotation);
  });

  it('takes every quoted phrase of two or more words from the Preamble', () => {
    const quoted = authoredFiles.flatMap((file) =>
      [
        ...read(file)
          .replace(/\s*\n\s*/g, ' ')
          // Glossary links show their label: [[posterity|Posterity]] reads as Posterity.
          .replace(/\[\[[^|\]]+\|([^\]]+)\]\]/g, '$1')
          // Not an attribute value (locator="...") nor a quoted YAML scalar (title: "...").
          .replace(/="[^"]*"|[\w-]+: "[^"]*"/g, '')
          .matchAll(/"([^"]+)"/g),
      ]
        .map((match) => (match[1] ?? '').trim().replace(/[.,]$/, ''))
        .filter((phrase) => phrase.includes(' ') && !phrase.includes('_'))
        .map((phrase) => ({ file, phrase })),
    );
    expect(quoted.length).toBeGreaterThan(10);
    for (const { file, phrase } of quoted) expect(preamble, `${file}: "${phrase}"`).toContain(phrase);
  });
});

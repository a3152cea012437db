// A YAML mistake reads the same, in words and at its place, in every kind of course file.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from './load-course.js';

const exampleCourse = new URL('../test/fixtures/example-course/', import.meta.url).pathname;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function courseWith(file: string, from: string, to: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'coursekit-yaml-'));
  await cp(exampleCourse, dir, { recursive: true });
  const text = await readFile(join(dir, file), 'utf8');
  expect(text).toContain(from);
  await writeFile(join(dir, file), text.replace(from, to));
  return dir;
}

const unclosedQuote =
  'the double quotation mark (") that starts this text is never closed; add the closing " at the end of the text (write \\" for a quotation mark inside it)';

describe('YAML syntax errors in course files', () => {
  it('in a quiz: where the quote opens, in words', async () => {
    const loaded = await loadCourse(
      await courseWith(
        'quizzes/evaporation.yaml',
        'title: "Check your understanding: Evaporation"',
        'title: "Check your understanding: Evaporation',
      ),
    );
    expect(loaded.issues).toMatchObject([
      {
        file: 'quizzes/evaporation.yaml',
        line: 2,
        column: 8,
        ruleId: 'quiz/yaml',
        message: `not valid YAML: ${unclosedQuote}`,
      },
    ]);
  });

  it('in lesson front matter: at its line in the .mdx file', async () => {
    const loaded = await loadCourse(
      await courseWith(
        'lessons/02-condensation-and-rain.mdx',
        'title: Condensation and Rain',
        'title: Condensation: and Rain',
      ),
    );
    const issue = loaded.issues.find((found) => found.ruleId === 'frontmatter/yaml');
    expect(issue).toMatchObject({ file: 'lessons/02-condensation-and-rain.mdx', line: 3, column: 8 });
    expect(issue?.message).toMatch(
      /^front matter is not valid YAML: a colon in this text makes YAML read another key/,
    );
  });

  it('in course.yaml: a tab', async () => {
    const loaded = await loadCourse(await courseWith('course.yaml', '\nlessons:\n  - ', '\nlessons:\n\t- '));
    const issue = loaded.issues.find((found) => found.ruleId === 'yaml/syntax');
    expect(issue?.file).toBe('course.yaml');
    expect(issue?.message).toBe(
      'not valid YAML: this line is indented with a tab; YAML needs spaces: replace the tab with spaces',
    );
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from './load-course.js';

const exampleCourse = new URL('../test/fixtures/example-course/', import.meta.url).pathname;

describe('loadCourse on the example course', async () => {
  const loaded = await loadCourse(exampleCourse);

  it('finds no problems', () => {
    expect(loaded.issues).toEqual([]);
    expect(loaded.ok).toBe(true);
  });

  it('returns the course, its lessons in teaching order with what they contain, and every other file', () => {
    expect(loaded.course?.id).toBe('water-cycle');
    expect(loaded.lessons.map((lesson) => [lesson.id, lesson.file])).toEqual([
      ['evaporation', 'lessons/01-evaporation.mdx'],
      ['condensation-and-rain', 'lessons/02-condensation-and-rain.mdx'],
    ]);
    const [first] = loaded.lessons;
    expect(first?.frontmatter?.keyTerms).toEqual(['evaporation']);
    expect(first?.body.startsWith('\n## Heat lifts water')).toBe(true);
    expect(first?.meta?.quizzes).toEqual(['evaporation']);
    expect(Object.keys(loaded.quizzes).sort()).toEqual(['condensation-and-rain', 'evaporation']);
    expect(loaded.quizzes['condensation-and-rain']?.questions.map((question) => question.id)).toEqual([
      'clouds-form',
      'rain-is',
    ]);
    expect(loaded.references.map((item) => item.id)).toEqual(['example-water-primer', 'example-field-notes']);
    expect(loaded.glossary?.terms.map((term) => term.id)).toEqual([
      'evaporation',
      'condensation',
      'precipitation',
    ]);
    expect(loaded.timeline?.events).toHaveLength(2);
  });

  it('splits the reading into numbered paragraphs', () => {
    expect(loaded.reading?.cite).toBe('example-water-primer');
    expect(loaded.reading?.paragraphs).toHaveLength(3);
    expect(loaded.reading?.paragraphs[1]).toMatch(/^Warm, moist air rises and cools\./);
  });
});

describe('loadCourse on damaged copies', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function copyOfExample(): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'coursekit-course-'));
    await cp(exampleCourse, dir, { recursive: true });
    return dir;
  }

  it('reports a folder without course.yaml and still checks the lessons', async () => {
    const course = await copyOfExample();
    await rm(join(course, 'course.yaml'));
    await writeFile(
      join(course, 'lessons', '02-condensation-and-rain.mdx'),
      '---\nid: x\n---\n\n<Term id="nope" />\n',
    );
    const loaded = await loadCourse(course);
    expect(loaded.ok).toBe(false);
    expect(
      loaded.issues.map((issue) => `${issue.file}:${issue.line}:${issue.column} ${issue.ruleId}`),
    ).toEqual([
      'course.yaml:1:1 file/missing',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:2:1 schema/missing-field',
      'lessons/02-condensation-and-rain.mdx:5:1 glossary/unknown-term',
    ]);
  });

  it('reports BibTeX that cannot be read at its line, and leaves citations unchecked rather than all unknown', async () => {
    const course = await copyOfExample();
    await writeFile(join(course, 'references.bib'), '@book{example-water-primer,\n  title = {Unclosed\n');
    const loaded = await loadCourse(course);
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        file: 'references.bib',
        ruleId: 'citation/bibtex-syntax',
        severity: 'error',
      }),
    ]);
  });

  it('reports citation keys in front matter, quizzes and the glossary at the key', async () => {
    const course = await copyOfExample();
    const glossary = join(course, 'glossary.yaml');
    await writeFile(
      glossary,
      'terms:\n  - id: evaporation\n    term: Evaporation\n    definition: Water becoming vapour [@exampel-water-primer].\n',
    );
    const loaded = await loadCourse(course);
    expect(loaded.issues.filter((issue) => issue.ruleId === 'citation/unknown-key')).toEqual([
      expect.objectContaining({ file: 'glossary.yaml', line: 4, column: 40 }),
    ]);
  });

  it('counts a quiz embedded with <Quiz id> as used, even when no front matter names it', async () => {
    const course = await copyOfExample();
    const lesson = join(course, 'lessons', '01-evaporation.mdx');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('quiz: evaporation\n', ''));
    expect((await loadCourse(course)).issues).toEqual([]);
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('<Quiz id="evaporation" />', ''));
    expect((await loadCourse(course)).issues).toEqual([
      expect.objectContaining({
        file: 'quizzes/evaporation.yaml',
        ruleId: 'quiz/unused',
        severity: 'warning',
      }),
    ]);
  });
});

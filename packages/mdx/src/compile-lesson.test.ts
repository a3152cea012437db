import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRenderer } from '../test/references.js';
import { renderLesson } from '../test/render-lesson.js';
import { createCompileCache } from './compile-cache.js';
import { analyzeLesson, type CompileLessonOptions, compileLesson } from './compile-lesson.js';
import { CourseContentError } from './issue.js';

const lessonUrl = new URL('../test/fixtures/example-course/lessons/01-evaporation.mdx', import.meta.url);
const glossary = [
  { id: 'evaporation', term: 'Evaporation', definition: 'Liquid water turning into water vapour, a gas.' },
  { id: 'condensation', term: 'Condensation', definition: 'Water vapour turning back into droplets.' },
];

describe('compileLesson', async () => {
  const source = await readFile(lessonUrl, 'utf8');
  const context: CompileLessonOptions = {
    path: 'lessons/01-evaporation.mdx',
    glossary,
    quizIds: ['evaporation'],
    citations: await exampleRenderer(),
  };
  const lesson = await compileLesson(source, context);

  it('compiles a student page without the teacher-only blocks', async () => {
    const html = await renderLesson(lesson.code.student);
    expect(html).toContain('<h2 id="heat-lifts-water">Heat lifts water</h2>');
    expect(html).toContain('<cite data-keys="example-water-primer" title="(Example 2024, para. 1)">');
    expect(html).toContain(
      '<dfn data-id="evaporation" title="Liquid water turning into water vapour, a gas.">',
    );
    expect(html).toContain('<div data-quiz="evaporation"></div>');
    expect(html).not.toContain('wet cloths');
    expect(lesson.code.student).not.toContain('wet cloths');
  });

  it('compiles a teacher page with the teacher-only blocks as <Instructor>, and the blocks alone', async () => {
    expect(await renderLesson(lesson.code.teacher)).toContain(
      '<aside class="instructor"><p>Ten minutes: hang two wet cloths',
    );
    const instructor = await renderLesson(lesson.code.instructor ?? '');
    expect(instructor).toMatch(/^<aside class="instructor"><p>Ten minutes/);
    expect(instructor).not.toContain('Heat lifts water');
  });

  it('gives teachers the student page of a lesson without teacher-only blocks', async () => {
    const withoutBlocks = source.replace(/:::instructor\n[\s\S]*?\n:::\n/, '');
    expect(withoutBlocks).not.toContain(':::instructor');
    const compiled = await compileLesson(withoutBlocks, context);
    expect(compiled.meta.hasInstructorBlocks).toBe(false);
    expect(compiled.code.instructor).toBeNull();
    expect(compiled.code.teacher).toBe(compiled.code.student);
    expect(await renderLesson(compiled.code.teacher)).toContain(
      '<h2 id="heat-lifts-water">Heat lifts water</h2>',
    );
  });

  it('finds the table of contents, citations, terms, quizzes and reading time', () => {
    expect(lesson.meta.toc).toEqual([
      { depth: 2, id: 'heat-lifts-water', text: 'Heat lifts water' },
      { depth: 3, id: 'what-makes-it-faster', text: 'What makes it faster' },
    ]);
    expect(lesson.meta.citations.map((use) => use.key)).toEqual([
      'example-water-primer',
      'example-field-notes',
    ]);
    expect(lesson.meta.terms).toEqual([{ id: 'evaporation', teacherOnly: false }]);
    expect(lesson.meta.quizzes).toEqual(['evaporation']);
    expect(lesson.meta.readingTime.minutes).toBe(1);
    expect(lesson.meta.readingTime.words).toBeGreaterThan(40);
    expect(lesson.meta.bibliography.student.map((entry) => entry.key)).toEqual([
      'example-water-primer',
      'example-field-notes',
    ]);
    expect(lesson.frontmatter).toMatchObject({ id: 'evaporation', order: 1, prerequisites: [] });
  });

  it('writes ES modules on request', async () => {
    const program = await compileLesson(source, { ...context, outputFormat: 'program' });
    expect(program.code.student).toMatch(/^import .* from "react\/jsx-runtime";/);
    expect(program.code.student).toContain('export default function MDXContent');
  });

  it('refuses a lesson with errors, listing every one with its place', async () => {
    const broken = source
      .replace('duration: 45', 'duration: forty-five')
      .replace('[[evaporation]]', '[[evaporaton]]')
      .replace('<Quiz id="evaporation" />', '<Quiz id="evaporation" >');
    const error = await compileLesson(broken, context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CourseContentError);
    expect(
      (error as CourseContentError).issues.map((issue) => `${issue.line}:${issue.column} ${issue.ruleId}`),
    ).toEqual(['6:11 schema/wrong-type', '44:1 mdx/syntax']);
  });

  it('reports every problem of an analysed lesson without throwing', async () => {
    const analyzed = await analyzeLesson(source.replace('[[evaporation]]', '[[evaporaton]]'), context);
    expect(analyzed.issues).toEqual([
      expect.objectContaining({ line: 28, column: 28, ruleId: 'glossary/unknown-term', severity: 'error' }),
    ]);
    expect(analyzed.meta?.toc).toHaveLength(2);
  });
});

describe('compile cache', async () => {
  const source = await readFile(lessonUrl, 'utf8');
  const context = { path: 'lessons/01-evaporation.mdx', glossary, quizIds: ['evaporation'] };

  it('returns an unchanged lesson from the cache and compiles a changed one', async () => {
    const cache = createCompileCache();
    const first = await compileLesson(source, { ...context, cache });
    const again = await compileLesson(source, { ...context, cache });
    expect(again).toEqual(first);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    await compileLesson(source.replace('The sun warms', 'The Sun warms'), { ...context, cache });
    expect(cache.stats.misses).toBe(2);
  });

  it('compiles again when what the lesson is checked against changes', async () => {
    const cache = createCompileCache();
    await compileLesson(source, { ...context, cache });
    const renamed = [{ ...glossary[0], term: 'Evaporating' }] as typeof glossary;
    const recompiled = await compileLesson(source, { ...context, glossary: renamed, cache });
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
    expect(recompiled.code.student).toContain('Evaporating');
  });

  it('keeps results on disk for the next process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coursekit-cache-'));
    try {
      const first = await compileLesson(source, { ...context, cache: createCompileCache({ dir }) });
      const nextProcess = createCompileCache({ dir });
      expect(await compileLesson(source, { ...context, cache: nextProcess })).toEqual(first);
      expect(nextProcess.stats).toEqual({ hits: 1, misses: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the builds of one lesson', async () => {
  const source = `${await readFile(lessonUrl, 'utf8')}
{'first'} {'second'}

<Term id="evaporation">rising</Term> <Term id="evaporation">vapour</Term>

:::instructor
{'third'} {'fourth'}
:::
`;
  const lesson = await compileLesson(source, {
    path: 'lessons/01-evaporation.mdx',
    glossary,
    quizIds: ['evaporation'],
    citations: await exampleRenderer(),
  });

  // @mdx-js/mdx unravels a paragraph of only JSX and expressions (no <p>); each build must see the lesson as
  // written, not as another build left it.
  it('unravel paragraphs of only JSX and expressions in every page', async () => {
    const student = await renderLesson(lesson.code.student);
    const teacher = await renderLesson(lesson.code.teacher);
    const instructor = await renderLesson(lesson.code.instructor ?? '');
    for (const html of [student, teacher]) {
      expect(html).toMatch(/<\/div>\nfirst\nsecond\n<dfn [^>]+>rising<\/dfn>\n<dfn [^>]+>vapour<\/dfn>/);
    }
    expect(student).not.toContain('third');
    expect(teacher).toMatch(/<aside class="instructor">thirdfourth<\/aside>/);
    expect(instructor).toMatch(/<aside class="instructor">thirdfourth<\/aside>/);
  });
});

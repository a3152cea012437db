import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBibTeX } from '@coursekit/citations';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCourse } from './build-course.js';
import { createCitationRenderer } from './citation-renderer.js';
import { type CompileCache, createCompileCache } from './compile-cache.js';
import { compileLesson } from './compile-lesson.js';
import { loadCourse } from './load-course.js';

const course = new URL('../test/fixtures/example-course/', import.meta.url);
// The citeproc-js module that @coursekit/citations loads, to count how often it is asked to work.
const citeproc = createRequire(createRequire(import.meta.url).resolve('@coursekit/citations'))(
  'citeproc',
) as {
  Engine: {
    prototype: Record<
      'updateUncitedItems' | 'processCitationCluster' | 'previewCitationCluster' | 'makeBibliography',
      () => unknown
    >;
  };
};

function countCiteprocCalls() {
  const prototype = citeproc.Engine.prototype;
  const spies = [
    vi.spyOn(prototype, 'updateUncitedItems'),
    vi.spyOn(prototype, 'processCitationCluster'),
    vi.spyOn(prototype, 'previewCitationCluster'),
    vi.spyOn(prototype, 'makeBibliography'),
  ];
  return () => spies.reduce((total, spy) => total + spy.mock.calls.length, 0);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createCitationRenderer with the compile cache', async () => {
  const items = parseBibTeX(await readFile(new URL('references.bib', course), 'utf8'));
  const lessons = await Promise.all(
    ['01-evaporation.mdx', '02-condensation-and-rain.mdx'].map(async (name) => ({
      path: `lessons/${name}`,
      source: await readFile(new URL(`lessons/${name}`, course), 'utf8'),
    })),
  );
  const glossary = (definition: string) => [
    { id: 'evaporation', term: 'Evaporation', definition },
    { id: 'condensation', term: 'Condensation', definition: 'Water vapour turning back into droplets.' },
    { id: 'precipitation', term: 'Precipitation', definition: 'Water falling from clouds.' },
  ];

  async function build(cache: CompileCache | undefined, definition: string) {
    const citations = createCitationRenderer({ items, style: 'chicago-author-date', cache });
    const context = {
      glossary: glossary(definition),
      quizIds: ['evaporation', 'condensation-and-rain'],
      citations,
      cache,
    };
    const compiled = [];
    for (const lesson of lessons)
      compiled.push(await compileLesson(lesson.source, { ...context, path: lesson.path }));
    return compiled;
  }

  it('renders no citation again when lessons are compiled again with the same references', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coursekit-citations-'));
    try {
      const coldCalls = countCiteprocCalls();
      await build(createCompileCache({ dir }), 'Liquid water turning into water vapour, a gas.');
      expect(coldCalls()).toBeGreaterThan(0);
      vi.restoreAllMocks();

      // The next process, after a glossary edit: every lesson is compiled again, no citation is rendered.
      const nextProcess = createCompileCache({ dir });
      const calls = countCiteprocCalls();
      const rebuilt = await build(nextProcess, 'Water turning into vapour.');
      expect(nextProcess.stats.misses).toBeGreaterThan(0);
      expect(calls()).toBe(0);
      vi.restoreAllMocks();
      expect(rebuilt).toEqual(await build(undefined, 'Water turning into vapour.'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets loadCourse and buildCourse of the next process render no citation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coursekit-citations-'));
    const courseDir = new URL('.', course).pathname;
    const loadAndBuild = async () => {
      const loaded = await loadCourse(courseDir, { cache: createCompileCache({ dir }) });
      return buildCourse(loaded, { variant: 'student' });
    };
    try {
      const cold = await loadAndBuild();
      const calls = countCiteprocCalls();
      const warm = await loadAndBuild();
      expect(calls()).toBe(0);
      expect(warm.lessons.map((lesson) => lesson.code)).toEqual(cold.lessons.map((lesson) => lesson.code));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

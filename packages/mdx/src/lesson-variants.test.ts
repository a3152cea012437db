import { readFile } from 'node:fs/promises';
import { createProcessor } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { exampleRenderer } from '../test/references.js';
import { createCompileCache } from './compile-cache.js';
import { analyzeLesson, type CompileLessonOptions, compileLesson } from './compile-lesson.js';
import {
  findInstructorBlocks,
  hastFromTeacher,
  instructorTree,
  sharesTeacherHast,
  variantTree,
} from './lesson-variants.js';
import { lessonBuildOptions, withHastShare } from './mdx-to-hast.js';

const lessonUrl = new URL('../test/fixtures/example-course/lessons/01-evaporation.mdx', import.meta.url);
// Author-written ESM and expressions too: the code generator changes their estree in place.
const source = `${await readFile(lessonUrl, 'utf8')}
export const year = 1863

{year > 1800 ? <Term id="evaporation">yes</Term> : 'no'}

:::instructor
Since {year}, <Term id="evaporation">{String(year)}</Term>.
:::
`;
const context: CompileLessonOptions = {
  path: 'lessons/01-evaporation.mdx',
  glossary: [{ id: 'evaporation', term: 'Evaporation', definition: 'Liquid water turning into vapour.' }],
  quizIds: ['evaporation'],
  citations: await exampleRenderer(),
};
const processor = createProcessor({ format: 'mdx', outputFormat: 'function-body', ...lessonBuildOptions });

/** The lesson's tree after the course plugins, as `compileLesson` builds it. */
async function treeOf(text: string): Promise<{ tree: Root; file: VFile }> {
  const cache = createCompileCache();
  await analyzeLesson(text, { ...context, cache });
  const held = cache.take?.<{ tree: Root; file: VFile }>(`tree-${context.path}`);
  if (!held) throw new Error('the lesson was not held');
  return held;
}

/** Each program built from its own tree, as before the builds shared a hast. */
async function separateBuilds(text: string) {
  const { tree, file } = await treeOf(text);
  const build = async (root: Root | null) => {
    if (!root) return null;
    return String(processor.stringify(await processor.run(root as never, file), file));
  };
  return {
    student: await build(variantTree(tree, 'student')),
    teacher: await build(variantTree(tree, 'teacher')),
    instructor: await build(instructorTree(tree)),
  };
}

const lessons = {
  'teacher-only blocks at the top level': source,
  'a teacher-only block inside a list': `${source}\n- A point\n\n  :::instructor\n  Ask about [[evaporation]].\n  :::\n`,
  'an inline teacher-only element': `${source}\nSay it <Instructor>(pause here)</Instructor> aloud.\n`,
  'a footnote': `${source}\nA claim.[^1]\n\n[^1]: The footnote.\n`,
  'a footnote cited in a teacher-only block': `${source}\n:::instructor\nA hint.[^t]\n:::\n\nA claim.[^1]\n\n[^t]: For teachers.\n\n[^1]: The footnote.\n`,
  'a link definition inside a teacher-only block': `${source}\nSee [the primer][p].\n\n:::instructor\n[p]: https://example.org\n:::\n`,
};

describe('student and teacher-only programs made from the teacher page’s hast', () => {
  it('are used for a lesson with its teacher-only blocks at the top level', async () => {
    const { tree } = await treeOf(source);
    expect(sharesTeacherHast(tree)).toBe(true);
  });

  it.each([
    'a teacher-only block inside a list',
    'an inline teacher-only element',
    'a footnote cited in a teacher-only block',
  ] as const)('are not used for a lesson with %s', async (name) => {
    const { tree } = await treeOf(lessons[name]);
    expect(sharesTeacherHast(tree)).toBe(false);
  });

  it('are told apart from lessons whose only teacher-only block is nested, or that have none', async () => {
    const frontMatter = source.slice(0, source.indexOf('\n---', 3) + 5);
    const nested = await treeOf(
      `${frontMatter}\nA claim.[^1]\n\n- A point\n\n  :::instructor\n  A hint.\n  :::\n\n[^1]: A note.\n`,
    );
    expect(findInstructorBlocks(nested.tree)).toEqual({ found: true, sharesTeacherHast: false });
    const none = await treeOf(`${frontMatter}\nA claim.[^1]\n\n[^1]: A note.\n`);
    expect(findInstructorBlocks(none.tree)).toEqual({ found: false, sharesTeacherHast: false });
    const plain = await treeOf(`${frontMatter}\nJust prose.\n`);
    expect(findInstructorBlocks(plain.tree)).toEqual({ found: false, sharesTeacherHast: true });
  });

  it.each(Object.keys(lessons) as (keyof typeof lessons)[])(
    'give the programs of separate builds, for a lesson with %s',
    async (name) => {
      const compiled = await compileLesson(lessons[name], context);
      expect(compiled.code.instructor).not.toBeNull();
      expect(compiled.code).toEqual(await separateBuilds(lessons[name]));
    },
  );

  it('share only what no build changes: the teacher and student builds write nothing they share', async () => {
    const { tree, file } = await treeOf(source);
    const seen = new Set<object>();
    const collect = (value: unknown) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      for (const child of Object.values(value)) collect(child);
    };
    const freezeShared = (value: unknown, visited = new Set<object>()) => {
      if (typeof value !== 'object' || value === null || visited.has(value)) return;
      visited.add(value);
      for (const child of Object.values(value)) freezeShared(child, visited);
      if (seen.has(value)) Object.freeze(value);
    };
    let made: ReturnType<typeof hastFromTeacher>;
    let shared = 0;
    const build = (root: Root) => async () =>
      String(processor.stringify(await processor.run(root as never, file), file));
    const teacher = await withHastShare(
      file,
      {
        take(hast: HastRoot) {
          collect(hast);
          made = hastFromTeacher(hast);
          // Frozen in strict-mode code, a shared object written by either build throws.
          const visited = new Set<object>();
          freezeShared(made, visited);
          shared = [...visited].filter((object) => seen.has(object)).length;
        },
      },
      build(variantTree(tree, 'teacher')),
    );
    const student = made?.student;
    if (!student) throw new Error('no student hast was made');
    const fromHast = await withHastShare(file, { use: student }, build({ type: 'root', children: [] }));
    expect(shared).toBeGreaterThan(20);
    expect({ student: fromHast, teacher }).toEqual({
      student: (await separateBuilds(source)).student,
      teacher: (await separateBuilds(source)).teacher,
    });
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLesson } from '../test/render-lesson.js';
import { buildCourse, compileCourse } from './build-course.js';
import { CourseContentError } from './issue.js';
import { loadCourse } from './load-course.js';

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;

describe('buildCourse', async () => {
  const loaded = await loadCourse(`${fixtures}example-course`);

  it('compiles every lesson in teaching order, with pages a server can run', async () => {
    const built = await buildCourse(loaded);
    expect(built.lessons.map((lesson) => lesson.id)).toEqual(['evaporation', 'condensation-and-rain']);
    expect(built.outputFormat).toBe('function-body');
    const page = await renderLesson(built.lessons[1]?.code.student ?? '');
    expect(page).toContain('<section class="objectives">');
    expect(page).toContain('<blockquote data-cite="example-water-primer" data-locator="para. 2">');
    expect(built.lessons[0]?.instructorNotes).toBe('Start with a wet cloth drying on a sunny windowsill.');
  });

  it('leaves every teacher-only thing out of the student variant', async () => {
    const built = await buildCourse(loaded, { variant: 'student' });
    const [lesson] = built.lessons;
    expect(lesson?.code).toEqual({ student: expect.any(String) });
    expect(lesson?.instructorNotes).toBeUndefined();
    expect(JSON.stringify(built.lessons)).not.toMatch(/wet cloth|Answer guidance/);
  });

  it('leaves references cited only in teacher-only blocks out of both bibliographies of a student build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coursekit-build-'));
    try {
      await cp(`${fixtures}example-course`, dir, { recursive: true });
      const file = join(dir, 'lessons/02-condensation-and-rain.mdx');
      const source = await readFile(file, 'utf8');
      await writeFile(file, source.replace('Answer guidance:', 'Answer guidance [@example-field-notes]:'));
      const withTeacherCitation = await loadCourse(dir);
      expect(withTeacherCitation.issues).toEqual([]);
      const keysOf = (built: Awaited<ReturnType<typeof buildCourse>>) => {
        const meta = built.lessons[1]?.meta;
        return {
          student: meta?.bibliography.student.map((entry) => entry.key),
          teacher: meta?.bibliography.teacher.map((entry) => entry.key),
        };
      };
      expect(keysOf(await buildCourse(withTeacherCitation))).toEqual({
        student: ['example-water-primer'],
        teacher: ['example-water-primer', 'example-field-notes'],
      });
      expect(keysOf(await buildCourse(withTeacherCitation, { variant: 'student' }))).toEqual({
        student: ['example-water-primer'],
        teacher: ['example-water-primer'],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds nothing from a course with errors, and says why', async () => {
    const error = await compileCourse(`${fixtures}broken/unclosed-jsx`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CourseContentError);
    expect((error as CourseContentError).message).toContain(
      'lessons/02-condensation-and-rain.mdx:33:34  error  Expected a closing tag for `<Term>`',
    );
  });
});

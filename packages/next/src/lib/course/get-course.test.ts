import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseBuildError, courseDir, loadCourseData } from './get-course.js';

// The repository's largest course, as a real-world fixture.
const shippedCourse = resolve(__dirname, '../../../../../apps/teach/content/two-peripheries');

describe('courseDir', () => {
  it('serves course/ of the project, or the folder withCoursekit was given, unless COURSE_DIR says otherwise', () => {
    expect(courseDir({})).toBe(resolve(process.cwd(), 'course'));
    expect(courseDir({ COURSEKIT_COURSE_DIR: 'content/mine' })).toBe(resolve(process.cwd(), 'content/mine'));
    expect(courseDir({ COURSEKIT_COURSE_DIR: 'content/mine', COURSE_DIR: '/srv/course' })).toBe(
      '/srv/course',
    );
    expect(courseDir({ COURSE_DIR: '/srv/course' })).toBe('/srv/course');
    expect(courseDir({ COURSE_DIR: 'other' })).toBe(resolve(process.cwd(), 'other'));
  });
});

describe('loadCourseData', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'teach-course-'));
    await cp(shippedCourse, copy, { recursive: true });
  });

  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('compiles the shipped course for students: every lesson, no teacher notes', async () => {
    const course = await loadCourseData(shippedCourse);
    expect(course.lessons.map((lesson) => lesson.id)).toEqual(course.course.lessons);
    for (const lesson of course.lessons) {
      expect(lesson.code.teacher).toBeUndefined();
      expect(lesson.frontmatter).not.toHaveProperty('instructorNotes');
      expect(lesson.code.student).not.toContain('Instructor');
    }
  }, 60_000);

  it('refuses a course with an error, naming the file, line and rule', async () => {
    const lessonFile = join(copy, 'lessons', '01-rupture-and-upswing.mdx');
    const source = await readFile(lessonFile, 'utf8');
    // A typo in the first citation of the lesson body (after the front matter).
    const at = source.indexOf('@rinna-two-peripheries', source.indexOf('\n---', 3) + 4);
    expect(at).toBeGreaterThan(0);
    await writeFile(lessonFile, `${source.slice(0, at)}@rina${source.slice(at + '@rinna'.length)}`);
    const failure = await loadCourseData(copy).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CourseBuildError);
    const { message, issues } = failure as CourseBuildError;
    expect(message).toMatch(
      /lessons\/01-rupture-and-upswing\.mdx:\d+:\d+ .*unknown citation key 'rina-two-peripheries'/,
    );
    expect(message).toContain('citation/unknown-key');
    expect(issues.some((issue) => issue.ruleId === 'citation/unknown-key')).toBe(true);
  }, 60_000);
});

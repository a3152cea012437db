import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseFolderError, instructorBlocksOf, loadCourseOutline, loadInstructorCode } from './course';
import { fixtureCourseDir, realCourseDir } from './testing';

describe('loadCourseOutline', () => {
  it('lists the lessons in course order with their quiz and teacher notes', async () => {
    const outline = await loadCourseOutline(fixtureCourseDir);
    expect(outline.title).toBe('Class Mode Fixture');
    expect(outline.lessons.map((l) => [l.id, l.title, l.quizId])).toEqual([
      ['summits-and-workers', 'Summits and Workers', 'summits-and-workers'],
      ['treaties', 'Treaties', 'treaty-years'],
      ['un-votes', 'UN Votes', 'un-votes'],
    ]);
    const [first] = outline.lessons;
    expect(first?.instructorNotes).toBe('Start with the **Hanoi** summit of 27–28 February 2019.');
    expect(first?.instructorBlocks).toHaveLength(2);
    expect(first?.instructorBlocks[1]).toContain('Nested directive stays inside the block.');
  });

  // The real course compiles every lesson: seconds on a shared machine, more than the default.
  it('reads the real course: every lesson, each with a title', { timeout: 30_000 }, async () => {
    const outline = await loadCourseOutline(realCourseDir);
    expect(outline.lessons.length).toBeGreaterThan(0);
    for (const lesson of outline.lessons) expect(lesson.title.length).toBeGreaterThan(0);
  });

  it('refuses a course with errors, listing each with its file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursekit-course-'));
    try {
      cpSync(fixtureCourseDir, dir, { recursive: true });
      rmSync(join(dir, 'lessons', '02-treaties.mdx'));
      writeFileSync(join(dir, 'lessons', '03-un-votes.mdx'), '---\nid: un-votes\n---\nBody\n');
      const error = await loadCourseOutline(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CourseFolderError);
      const problems = (error as CourseFolderError).problems;
      expect(problems.some((p) => /^course\.yaml:\d+:\d+ .*treaties/.test(p))).toBe(true);
      expect(problems.some((p) => /^lessons\/03-un-votes\.mdx:\d+:\d+ .*title/.test(p))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadInstructorCode', () => {
  it('compiles the teacher-only blocks of the lessons that have them', async () => {
    const code = await loadInstructorCode(fixtureCourseDir);
    expect([...code.keys()]).toEqual(['summits-and-workers']);
    expect(code.get('summits-and-workers')).toContain('Plan (30 minutes)');
  });
});

describe('instructorBlocksOf', () => {
  it('returns the inside of each instructor container and nothing else', () => {
    const body = [
      'Student text.',
      ':::instructor',
      'Timing: 10 min.',
      ':::',
      ':::discussion',
      'Not for teachers only.',
      ':::',
      ':::instructor{#plan}',
      'Second block.',
      ':::',
    ].join('\n');
    expect(instructorBlocksOf(body)).toEqual(['Timing: 10 min.', 'Second block.']);
  });
});

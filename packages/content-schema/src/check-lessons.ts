import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import type { CourseIndex } from './course-index.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

const lessonFileName = /^(\d+)-([^/]+)\.mdx?$/;

/**
 * The course's lesson list against the lesson files: every listed id exists exactly once, every lesson is
 * listed, ids, orders and objective ids are not reused, and the orders and file names agree with the ids.
 */
export function checkLessons(bundle: Bundle, index: CourseIndex): Issue[] {
  const issues: Issue[] = [];
  const brokenLessonIds = new Set(bundle.brokenLessonIds);
  const course = bundle.course;

  for (const lesson of bundle.lessons) {
    const first = index.lessonById.get(lesson.data.id);
    if (first && first !== lesson) {
      issues.push(
        makeIssue(
          lesson.file,
          ['id'],
          'lesson/duplicate-id',
          `lesson id '${lesson.data.id}' is also used by ${first.file}; each lesson needs its own id`,
        ),
      );
    } else if (!index.positionById.has(lesson.data.id)) {
      issues.push(
        makeIssue(
          lesson.file,
          ['id'],
          'course/unlisted-lesson',
          `lesson '${lesson.data.id}' is not listed in the lessons of ${course.file}, so the course does not show it; add it there in teaching order`,
          { severity: 'warning', expected: closestMatches(lesson.data.id, course.data.lessons) },
        ),
      );
    }

    const name = lesson.file.split('/').pop() ?? lesson.file;
    const named = lessonFileName.exec(name);
    if (!named) {
      issues.push(
        makeIssue(
          lesson.file,
          ['id'],
          'lesson/file-name-mismatch',
          `lesson files are named NN-id.mdx, such as 01-${lesson.data.id}.mdx; '${name}' is not`,
          { severity: 'warning' },
        ),
      );
    } else if (named[2] !== lesson.data.id) {
      issues.push(
        makeIssue(
          lesson.file,
          ['id'],
          'lesson/file-name-mismatch',
          `the file name says '${named[2]}' but the id is '${lesson.data.id}'; rename the file to ${named[1]}-${lesson.data.id}.mdx or change the id`,
          { severity: 'warning', expected: [named[2] as string] },
        ),
      );
    }

    const objectiveIds = new Map<string, number>();
    for (const [position, objective] of lesson.data.objectives.entries()) {
      const earlier = objectiveIds.get(objective.id);
      if (earlier === undefined) {
        objectiveIds.set(objective.id, position);
        continue;
      }
      issues.push(
        makeIssue(
          lesson.file,
          ['objectives', position, 'id'],
          'lesson/duplicate-objective',
          `objective id '${objective.id}' is also used by objective ${earlier + 1}; each objective needs its own id`,
        ),
      );
    }
  }

  const listed = new Map<string, number>();
  for (const [position, id] of course.data.lessons.entries()) {
    const earlier = listed.get(id);
    if (earlier !== undefined) {
      issues.push(
        makeIssue(
          course.file,
          ['lessons', position],
          'course/duplicate-lesson',
          `lesson '${id}' is listed twice (items ${earlier + 1} and ${position + 1}); list each lesson once`,
        ),
      );
      continue;
    }
    listed.set(id, position);
    if (!index.lessonById.has(id) && !brokenLessonIds.has(id)) {
      const unlisted = [...index.lessonById.keys()].filter((lessonId) => !index.positionById.has(lessonId));
      issues.push(
        makeIssue(
          course.file,
          ['lessons', position],
          'course/missing-lesson',
          `the course lists lesson '${id}', but no lesson file has id: ${id}`,
          { expected: closestMatches(id, unlisted.length > 0 ? unlisted : index.lessonById.keys()) },
        ),
      );
    }
  }

  const orderOwner = new Map<number, string>();
  for (const lesson of bundle.lessons) {
    const owner = orderOwner.get(lesson.data.order);
    if (owner === undefined) {
      orderOwner.set(lesson.data.order, lesson.file);
      continue;
    }
    issues.push(
      makeIssue(
        lesson.file,
        ['order'],
        'lesson/duplicate-order',
        `order ${lesson.data.order} is also used by ${owner}; give each lesson its own order`,
      ),
    );
  }

  let previous: { id: string; order: number } | undefined;
  let listedMinutes = 0;
  for (const id of listed.keys()) {
    const lesson = index.lessonById.get(id);
    if (!lesson) continue;
    listedMinutes += lesson.data.duration + (lesson.data.homeworkMinutes ?? 0);
    if (previous && lesson.data.order < previous.order) {
      issues.push(
        makeIssue(
          lesson.file,
          ['order'],
          'lesson/order-mismatch',
          `order ${lesson.data.order} puts '${id}' before '${previous.id}' (order ${previous.order}), but ${course.file} lists it after; make the orders follow the course's lesson list`,
          { severity: 'warning' },
        ),
      );
    }
    previous = { id, order: lesson.data.order };
  }

  if (listedMinutes > course.data.estimatedMinutes) {
    issues.push(
      makeIssue(
        course.file,
        ['estimatedMinutes'],
        'course/estimate-below-lessons',
        `the lessons add up to ${listedMinutes} minutes, more than estimatedMinutes (${course.data.estimatedMinutes}); raise the estimate or shorten the lessons`,
        { severity: 'warning' },
      ),
    );
  }
  return issues;
}

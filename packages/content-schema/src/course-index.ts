import type { Bundle, BundleFile } from './bundle.js';
import type { LessonFrontmatter } from './lesson-frontmatter-schema.js';

/** Lookups the cross-reference checks share, built once per validation. */
export interface CourseIndex {
  /** The first lesson file with each id (later ones are duplicates). */
  lessonById: Map<string, BundleFile<LessonFrontmatter>>;
  /** Where each lesson id first appears in course.yaml `lessons` (teaching order). */
  positionById: Map<string, number>;
}

export function buildCourseIndex(bundle: Bundle): CourseIndex {
  const lessonById = new Map<string, BundleFile<LessonFrontmatter>>();
  for (const lesson of bundle.lessons) {
    if (!lessonById.has(lesson.data.id)) lessonById.set(lesson.data.id, lesson);
  }
  const positionById = new Map<string, number>();
  for (const [position, id] of bundle.course.data.lessons.entries()) {
    if (!positionById.has(id)) positionById.set(id, position);
  }
  return { lessonById, positionById };
}

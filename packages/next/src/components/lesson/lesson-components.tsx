import { Discussion, Instructor, KeyPoints, Objectives } from '@coursekit/react';
import { getCourse } from '../../lib/course/get-course.js';
import type { TextComponents } from '../course-text/compile-course-text.js';
import { courseTextComponents } from '../course-text/course-markdown.js';
import { QuizSection } from '../quiz/quiz-section.js';
import { SourceExcerpt } from './source-excerpt.js';

/** The student build leaves teacher-only blocks out; should one slip through, it renders nothing. */
function StudentInstructor() {
  return <Instructor show={false} />;
}

/** `<Quiz id>` in a lesson: the quiz, with the student's score kept under the lesson that embeds it. */
async function Quiz({ id }: { id: string }) {
  const { lessons } = await getCourse();
  const lesson =
    lessons.find((candidate) => candidate.frontmatter.quiz === id) ??
    lessons.find((candidate) => candidate.meta.quizzes.includes(id));
  return <QuizSection quizId={id} lessonId={lesson?.id ?? id} />;
}

/**
 * The components a compiled lesson names (`Citation`, `Term`, `Source`, `Instructor`, `Quiz`,
 * `Objectives`, `KeyPoints`, `Discussion`), as a student sees them.
 */
export const lessonComponents: TextComponents = {
  ...courseTextComponents,
  Source: SourceExcerpt,
  Instructor: StudentInstructor,
  Quiz,
  Objectives,
  KeyPoints,
  Discussion,
};

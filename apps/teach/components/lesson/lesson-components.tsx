import type { ReactNode } from 'react';
import { getCourse } from '@/lib/course/get-course';
import type { TextComponents } from '../course-text/compile-course-text';
import { courseTextComponents } from '../course-text/course-markdown';
import { QuizSection } from '../quiz/quiz-section';
import { Panel } from './panel';
import { SourceExcerpt } from './source-excerpt';

interface BlockProps {
  title?: string | undefined;
  children?: ReactNode;
}

function Objectives({ title, children }: BlockProps) {
  return (
    <Panel kind="objectives" title={title ?? 'Objectives'} headingLevel={3}>
      {children}
    </Panel>
  );
}

function KeyPoints({ title, children }: BlockProps) {
  return (
    <Panel kind="key-points" title={title ?? 'Key points'} headingLevel={3}>
      {children}
    </Panel>
  );
}

function Discussion({ title, children }: BlockProps) {
  return (
    <Panel kind="discussion" title={title ?? 'Discussion'} headingLevel={3}>
      {children}
    </Panel>
  );
}

/** The student build leaves teacher-only blocks out; should one slip through, it renders nothing. */
function Instructor() {
  return null;
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
  Instructor,
  Quiz,
  Objectives,
  KeyPoints,
  Discussion,
};

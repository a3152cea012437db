import { Fragment } from 'react';
import { getCourse } from '@/lib/course/get-course';
import { Citation } from '../lesson/citation';
import { Term } from '../lesson/term';
import { compileCourseText, type TextComponents } from './compile-course-text';

/** Citations and glossary terms as they appear in lessons, for Markdown written in the course's YAML. */
export const courseTextComponents: TextComponents = { Citation, Term };

const inlineComponents: TextComponents = { ...courseTextComponents, p: Fragment };

/**
 * Course Markdown from YAML (key points, glossary definitions, timeline descriptions, quiz texts) with
 * its citations and glossary links. `inline` drops the paragraph around a single line of text.
 */
export async function CourseMarkdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const Content = await compileCourseText(await getCourse(), text);
  return <Content components={inline ? inlineComponents : courseTextComponents} />;
}

import { Fragment, type ReactNode } from 'react';
import { getCourse } from '../../lib/course/get-course.js';
import { compileCourseText, type TextComponents } from './compile-course-text.js';

const plainComponents: TextComponents = {
  p: Fragment,
  a: ({ children }: { children?: ReactNode }) => <>{children}</>,
  Citation: ({ text }: { text: string }) => <>{text}</>,
  Term: ({ children }: { children?: ReactNode }) => <>{children}</>,
};

/**
 * Course Markdown as inline text without links or popovers, for places that are themselves a popover
 * or a link (a glossary definition inside a term's popover).
 */
export async function PlainCourseText({ text }: { text: string }) {
  const Content = await compileCourseText(await getCourse(), text);
  return <Content components={plainComponents} />;
}

import { Term as TermLink, type TermProps } from '@coursekit/react';
import { PlainCourseText } from '../course-text/plain-course-text.js';

/** `<Term>` in a lesson: the definition (course Markdown) rendered as plain inline text for the popover. */
export function Term({ definition, ...props }: Omit<TermProps, 'definition'> & { definition?: string }) {
  return <TermLink {...props} definition={definition ? <PlainCourseText text={definition} /> : undefined} />;
}

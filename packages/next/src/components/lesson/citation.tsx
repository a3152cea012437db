import { Citation as CitationLink, type CitationProps } from '@coursekit/react';
import { getCourse } from '../../lib/course/get-course.js';

/** `<Citation>` in a lesson or course Markdown: @coursekit/react's, linked to this course's reading. */
export async function Citation(props: CitationProps) {
  const readingKey = props.readingKey ?? (await getCourse()).reading?.cite;
  return <CitationLink {...props} readingKey={readingKey} />;
}

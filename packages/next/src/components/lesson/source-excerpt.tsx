import { SourceExcerpt as Excerpt, type SourceExcerptProps } from '@coursekit/react';
import { getCourse } from '../../lib/course/get-course.js';

/** `:::source` in a lesson: @coursekit/react's excerpt, its caption linked to this course's reading. */
export async function SourceExcerpt(props: SourceExcerptProps) {
  const readingKey = props.readingKey ?? (await getCourse()).reading?.cite;
  return <Excerpt {...props} readingKey={readingKey} />;
}

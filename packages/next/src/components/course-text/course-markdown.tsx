import { Fragment } from 'react';
import { getCourse } from '../../lib/course/get-course.js';
import { Citation } from '../lesson/citation.js';
import { Term } from '../lesson/term.js';
import { compileCourseText, type TextComponents } from './compile-course-text.js';

/** Citations and glossary terms as they appear in lessons, for Markdown written in the course's YAML. */
export const courseTextComponents: TextComponents = { Citation, Term };

const inlineComponents: TextComponents = { ...courseTextComponents, p: Fragment };

/** Citations and terms whose popover ids start with `idPrefix`. */
function prefixedComponents(idPrefix: string, inline: boolean): TextComponents {
  return {
    ...(inline ? inlineComponents : courseTextComponents),
    // Server components have no context to carry the prefix: each render binds its own.
    // biome-ignore lint/correctness/noComponentHookFactories: a per-render binding of a server component, no hooks
    Citation: (props: Parameters<typeof Citation>[0]) => <Citation {...props} idPrefix={idPrefix} />,
    // biome-ignore lint/correctness/noComponentHookFactories: as Citation above
    Term: (props: Parameters<typeof Term>[0]) => <Term {...props} idPrefix={idPrefix} />,
  };
}

/**
 * Course Markdown from YAML (key points, glossary definitions, timeline descriptions, quiz texts) with
 * its citations and glossary links. `inline` drops the paragraph around a single line of text. `idPrefix`
 * is for texts rendered apart from the page (a server action), whose ids would otherwise repeat the page's.
 */
export async function CourseMarkdown({
  text,
  inline = false,
  idPrefix,
}: {
  text: string;
  inline?: boolean;
  idPrefix?: string;
}) {
  const Content = await compileCourseText(await getCourse(), text);
  const components = idPrefix
    ? prefixedComponents(idPrefix, inline)
    : inline
      ? inlineComponents
      : courseTextComponents;
  return <Content components={components} />;
}

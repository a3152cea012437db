import { remarkCitations, remarkGlossaryTerms } from '@coursekit/mdx';
import { evaluate } from '@mdx-js/mdx';
import type { ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import type { CourseData } from '../../lib/course/get-course.js';

// biome-ignore lint/suspicious/noExplicitAny: MDX hands each component whatever props the author wrote
export type TextComponents = Record<string, ComponentType<any>>;
export type CompiledText = ComponentType<{ components?: TextComponents }>;

const compiled = new WeakMap<CourseData, Map<string, Promise<CompiledText>>>();

/**
 * Compiles a piece of course Markdown written in YAML (a key point, a glossary definition, a quiz prompt
 * or explanation) the way lessons are compiled: pandoc citations become `<Citation>`, `[[id]]` becomes
 * `<Term>`. It is Markdown, not MDX: no JSX, no expressions, raw HTML dropped. Cached per text.
 */
export function compileCourseText(course: CourseData, text: string): Promise<CompiledText> {
  let cache = compiled.get(course);
  if (!cache) {
    cache = new Map();
    compiled.set(course, cache);
  }
  let content = cache.get(text);
  if (!content) {
    content = evaluate(text, {
      ...runtime,
      format: 'md',
      remarkPlugins: [
        [remarkCitations, { renderer: course.citations }],
        [remarkGlossaryTerms, { terms: course.glossary?.terms }],
      ],
    }).then((module) => module.default as CompiledText);
    cache.set(text, content);
  }
  return content;
}

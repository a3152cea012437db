import type { BuiltLesson } from '@coursekit/mdx';
import { run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import type { CompiledText } from '../course-text/compile-course-text.js';
import { lessonComponents } from './lesson-components.js';

const modules = new WeakMap<BuiltLesson, Promise<CompiledText>>();

function lessonModule(lesson: BuiltLesson): Promise<CompiledText> {
  let module = modules.get(lesson);
  if (!module) {
    // The student variant: teacher-only blocks are not in this code at all.
    module = run(lesson.code.student, { ...runtime }).then((loaded) => loaded.default as CompiledText);
    modules.set(lesson, module);
  }
  return module;
}

/** The body of a lesson, compiled by @coursekit/mdx, with the app's components. */
export async function LessonContent({ lesson }: { lesson: BuiltLesson }) {
  const Content = await lessonModule(lesson);
  return <Content components={lessonComponents} />;
}

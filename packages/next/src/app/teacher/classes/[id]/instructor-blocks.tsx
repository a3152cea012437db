import { Instructor } from '@coursekit/react';
import { run } from '@mdx-js/mdx';
import type { ComponentType, ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import ReactMarkdown from 'react-markdown';
import { lessonComponents } from '../../../../components/lesson/lesson-components.js';
import styles from '../../teacher.module.css';

type CompiledBlocks = ComponentType<{ components?: Record<string, ComponentType<{ children?: ReactNode }>> }>;

const modules = new Map<string, Promise<CompiledBlocks>>();

function compiled(code: string): Promise<CompiledBlocks> {
  let module = modules.get(code);
  if (!module) {
    module = run(code, { ...runtime }).then((loaded) => loaded.default as CompiledBlocks);
    module.catch(() => modules.delete(code));
    modules.set(code, module);
  }
  return module;
}

/** In the teacher's view an instructor block is shown, set apart from the lesson text. */
function TeacherInstructor({ children }: { children?: ReactNode }) {
  return (
    <Instructor show className={styles.instructorBlock}>
      {children}
    </Instructor>
  );
}

/**
 * A lesson's teacher-only blocks as `@coursekit/mdx` compiled them (citations and glossary terms rendered
 * like in the lesson). Should the compiled code fail to run, the blocks' Markdown source is shown instead.
 */
export async function InstructorBlocks({ code, fallback }: { code: string | undefined; fallback: string[] }) {
  if (code) {
    try {
      const Content = await compiled(code);
      return <Content components={{ ...lessonComponents, Instructor: TeacherInstructor }} />;
    } catch (error) {
      console.error('[coursekit] teacher notes could not be rendered from the compiled lesson:', error);
    }
  }
  return (
    <>
      {fallback.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no ids and never reorder
        <div key={index} className={styles.instructorBlock}>
          <ReactMarkdown>{block}</ReactMarkdown>
        </div>
      ))}
    </>
  );
}

import type { Node } from 'unist';

/** The component that holds teacher-only content, from `:::instructor` or written as JSX. */
export const instructorComponent = 'Instructor';

/** True for an `<Instructor>` element (written as `:::instructor` or as JSX). */
export function isInstructorBlock(node: Node): boolean {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    (node as Node & { name?: string | null }).name === instructorComponent
  );
}

/** True when any ancestor is an `<Instructor>` block. */
export function insideInstructorBlock(ancestors: readonly Node[]): boolean {
  return ancestors.some(isInstructorBlock);
}

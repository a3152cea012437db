import type { Root, RootContent } from 'mdast';
import type { Node, Parent } from 'unist';
import { EXIT, visit } from 'unist-util-visit';
import { isInstructorBlock } from './teacher-only.js';

/** `student`: teacher-only blocks removed from the tree; `teacher`: kept as `<Instructor>`. */
export type LessonVariant = 'student' | 'teacher';

function withoutInstructorBlocks<T extends Node>(node: T): T {
  if (!('children' in node)) return node;
  const parent = node as unknown as Parent;
  return {
    ...node,
    children: parent.children.filter((child) => !isInstructorBlock(child)).map(withoutInstructorBlocks),
  };
}

/**
 * The tree of a variant, as a copy: compiling hands estree parts of the tree to the code generator, which
 * changes them, so each build gets its own.
 */
export function variantTree(tree: Root, variant: LessonVariant): Root {
  const copy = structuredClone(tree);
  return variant === 'student' ? withoutInstructorBlocks(copy) : copy;
}

/** The lesson's ESM (imports, exports) and teacher-only blocks alone, for a teacher dashboard; null if none. */
export function instructorTree(tree: Root): Root | null {
  const blocks: RootContent[] = [];
  const collect = (node: Node): void => {
    if (isInstructorBlock(node)) {
      blocks.push(node as RootContent);
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) collect(child);
  };
  collect(tree);
  if (blocks.length === 0) return null;
  const esm = tree.children.filter((node) => node.type === 'mdxjsEsm');
  return structuredClone({ type: 'root', children: [...esm, ...blocks] });
}

/** True when the lesson has at least one teacher-only block. */
export function hasInstructorBlocks(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (!isInstructorBlock(node)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

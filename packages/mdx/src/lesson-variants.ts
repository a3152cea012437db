import type { Root, RootContent } from 'mdast';
import type { Node, Parent } from 'unist';
import { EXIT, visit } from 'unist-util-visit';
import { isInstructorBlock } from './teacher-only.js';

/** `student`: teacher-only blocks removed from the tree; `teacher`: kept as `<Instructor>`. */
export type LessonVariant = 'student' | 'teacher';

/**
 * A copy of `node` for one build, keeping only the children `keep` accepts, that shares what the build only
 * reads. Building changes the mdast in one way: `@mdx-js/mdx` unravels paragraphs that hold only JSX and
 * expressions (it splices the paragraph's children into its parent and turns `mdxJsxTextElement` and
 * `mdxTextExpression` nodes into their flow forms). So every parent (which includes JSX elements) and every
 * text expression is copied, shallowly, and the lesson's tree stays as parsed for the other builds. The estree
 * programs inside MDX nodes are shared: each build copies the MDX nodes it turns into hast (`mdxHandlers`),
 * and the code generator changes only those copies.
 */
function copyForBuild<T extends Node>(node: T, keep: (node: Node) => boolean): T {
  if ('children' in node) {
    const children = (node as unknown as Parent).children;
    return { ...node, children: children.filter(keep).map((child) => copyForBuild(child, keep)) };
  }
  return node.type === 'mdxTextExpression' ? { ...node } : node;
}

const everything = () => true;
const notInstructorBlock = (node: Node) => !isInstructorBlock(node);

/** The tree of a variant, to build once: the lesson's tree is unchanged by building it (see `copyForBuild`). */
export function variantTree(tree: Root, variant: LessonVariant): Root {
  return copyForBuild(tree, variant === 'student' ? notInstructorBlock : everything);
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
  return copyForBuild<Root>({ type: 'root', children: [...esm, ...blocks] }, everything);
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

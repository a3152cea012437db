import type { RootContent as HastContent, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import type { Node, Parent } from 'unist';
import { EXIT, visit } from 'unist-util-visit';
import { copyHastForBuild } from './mdx-to-hast.js';
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

/** Where a lesson's teacher-only blocks are, as building its variants needs to know. */
export interface InstructorBlocks {
  /** True when the lesson has at least one teacher-only block. */
  found: boolean;
  /** See `sharesTeacherHast`. */
  sharesTeacherHast: boolean;
}

/** `hasInstructorBlocks` and `sharesTeacherHast` in one walk of the tree. */
export function findInstructorBlocks(tree: Root): InstructorBlocks {
  let found = false;
  let shares = true;
  visit(tree, (node, _index, parent) => {
    const crossReference =
      node.type === 'definition' || node.type === 'footnoteDefinition' || node.type === 'footnoteReference';
    if (crossReference) shares = false;
    else if (isInstructorBlock(node)) {
      found = true;
      if (parent !== tree) shares = false;
    }
    return found && !shares ? EXIT : undefined;
  });
  return { found, sharesTeacherHast: shares };
}

/** True when the lesson has at least one teacher-only block. */
export function hasInstructorBlocks(tree: Root): boolean {
  return findInstructorBlocks(tree).found;
}

/**
 * True when the student page and the teacher-only blocks can be made from the teacher page's hast: every
 * teacher-only block is at the top level of the lesson (so the rest of the lesson turns into the same hast
 * without them), and nothing is defined or numbered across the lesson (link definitions, footnotes), which
 * would turn into other hast where blocks are left out.
 */
export function sharesTeacherHast(tree: Root): boolean {
  return findInstructorBlocks(tree).sharesTeacherHast;
}

/**
 * The top-level nodes of a root's hast, or undefined when it is not the shape `mdast-util-to-hast` gives a
 * root (its nodes with a line break between each two).
 */
function topLevelNodes(tree: HastRoot): HastContent[] | undefined {
  const nodes: HastContent[] = [];
  for (const [index, node] of tree.children.entries()) {
    if (index % 2 === 0) nodes.push(node);
    else if (node.type !== 'text' || node.value !== '\n') return undefined;
  }
  return tree.children.length % 2 === 1 || tree.children.length === 0 ? nodes : undefined;
}

/** A root's children as `mdast-util-to-hast` lays them out: a line break between each two. */
function lineBetween(nodes: HastContent[]): HastContent[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [{ type: 'text', value: '\n' }, node]));
}

/**
 * From the teacher page's hast (of a lesson that `sharesTeacherHast`), the hast that the student page and the
 * teacher-only blocks (`instructorTree`) turn into, for their own builds; undefined when the hast is not as
 * expected (then they are built from their own trees).
 */
export function hastFromTeacher(teacher: HastRoot): { student: HastRoot; instructor: HastRoot } | undefined {
  const nodes = topLevelNodes(teacher);
  if (!nodes) return undefined;
  const student = nodes.filter((node) => !isInstructorBlock(node));
  const instructor = [
    ...nodes.filter((node) => node.type === 'mdxjsEsm'),
    ...nodes.filter((node) => isInstructorBlock(node)),
  ];
  return {
    student: { ...teacher, children: lineBetween(student.map(copyHastForBuild)) },
    instructor: { type: 'root', children: lineBetween(instructor.map(copyHastForBuild)) },
  };
}

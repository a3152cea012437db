import { nodeTypes, type ProcessorOptions } from '@mdx-js/mdx';
import rfdc from 'rfdc';

type Handlers = NonNullable<NonNullable<ProcessorOptions['remarkRehypeOptions']>['handlers']>;
type Handler = NonNullable<Handlers['mdxjsEsm']>;

/**
 * A deep copy with the result `structuredClone` gives for what MDX nodes hold: plain objects and arrays,
 * estree nodes (acorn's class instances become plain objects) and the RegExp of a regex literal.
 * `structuredClone` goes through V8's serializer, which costs more per object than walking the tree.
 */
export const copyMdxData = rfdc({
  proto: false,
  circles: false,
  constructorHandlers: [[RegExp, (regexp: RegExp) => new RegExp(regexp.source, regexp.flags)]],
});

/**
 * What `mdast-util-to-hast` does with an MDX node (`passThrough`): the node, copied (the code generator
 * changes the estree in it), with its children turned into hast. Only the copy is different.
 */
const passThrough: Handler = (state, node) => {
  if ('children' in node) {
    const { children, ...shallow } = node;
    return { ...copyMdxData(shallow), children: state.all(node) } as never;
  }
  return copyMdxData(node) as never;
};

/**
 * `remark-rehype` handlers for the MDX node types, for `createProcessor({ remarkRehypeOptions })`: the
 * same hast as passing them through, with a faster copy. A lesson is built three times (student, teacher,
 * teacher-only blocks), and copying MDX nodes was most of the time of turning mdast into hast.
 */
export const mdxHandlers: Handlers = Object.fromEntries(nodeTypes.map((type) => [type, passThrough]));

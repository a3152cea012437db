import { nodeTypes, type ProcessorOptions } from '@mdx-js/mdx';
import rfdc from 'rfdc';
import { recmaSealedValues, sealedProgram } from './sealed-values.js';

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

type Attribute = { type: string; value?: { data?: { estree?: unknown } } | string | null };

/**
 * An element's attributes for one build. The code generator changes only estree, so an attribute without
 * any is shared as it is, props made from data are sealed (see `sealedProgram`), and the rest are copied.
 */
function attributesForBuild(attributes: readonly Attribute[]): Attribute[] {
  return attributes.map((attribute) => {
    const { value } = attribute;
    if (attribute.type === 'mdxJsxAttribute' && (value === null || typeof value !== 'object'))
      return attribute;
    const sealed = value && typeof value === 'object' ? sealedProgram(value.data?.estree) : undefined;
    if (!sealed || !value || typeof value !== 'object') return copyMdxData(attribute);
    return { ...attribute, value: { ...value, data: { ...value.data, estree: sealed } } };
  });
}

/**
 * What `mdast-util-to-hast` does with an MDX node (`passThrough`): the node, copied (the code generator
 * changes the estree in it), with its children turned into hast. Only the copy is different.
 */
const passThrough: Handler = (state, node) => {
  if ('children' in node) {
    const { children, ...shallow } = node;
    if (!shallow.attributes) return { ...copyMdxData(shallow), children: state.all(node) } as never;
    const { attributes, ...rest } = shallow;
    return {
      ...copyMdxData(rest),
      attributes: attributesForBuild(attributes as Attribute[]),
      children: state.all(node),
    } as never;
  }
  return copyMdxData(node) as never;
};

/**
 * `remark-rehype` handlers for the MDX node types, for `createProcessor({ remarkRehypeOptions })`: the
 * same hast as passing them through, with a faster copy. A lesson is built three times (student, teacher,
 * teacher-only blocks), and copying MDX nodes was most of the time of turning mdast into hast.
 */
export const mdxHandlers: Handlers = Object.fromEntries(nodeTypes.map((type) => [type, passThrough]));

/**
 * What a code generator of lessons adds to `createProcessor`: the handlers above, and the printer of the
 * values they seal (they go together: a sealed value needs its printer).
 */
export const lessonBuildOptions = {
  remarkRehypeOptions: { handlers: mdxHandlers },
  recmaPlugins: [recmaSealedValues],
} satisfies ProcessorOptions;

import { nodeTypes, type ProcessorOptions } from '@mdx-js/mdx';
import type { RootContent as HastContent, Root as HastRoot } from 'hast';
import rfdc from 'rfdc';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
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

const mdxNodeTypes = new Set<string>(nodeTypes);

/**
 * A hast node as one more build gets it when made from another build's hast before that build went on: MDX
 * nodes copied as `passThrough` copies them (the code generator changes their estree), parents of MDX nodes
 * copied shallowly, and everything else shared, since turning hast into estree only reads it.
 */
export function copyHastForBuild<T extends HastContent | HastRoot>(node: T): T {
  if (mdxNodeTypes.has(node.type)) {
    const { children, attributes, ...rest } = node as unknown as {
      children?: HastContent[];
      attributes?: Attribute[];
    };
    const copy = copyMdxData(rest) as Record<string, unknown>;
    if (attributes) copy.attributes = attributesForBuild(attributes);
    if (children) copy.children = children.map(copyHastForBuild);
    return copy as T;
  }
  if (!('children' in node)) return node;
  let changed = false;
  const children = node.children.map((child) => {
    const copy = copyHastForBuild(child);
    if (copy !== child) changed = true;
    return copy;
  });
  return changed ? ({ ...node, children } as T) : node;
}

/** What one build does with its hast: hand a copy to later builds (`take`), or use a given one (`use`). */
export interface HastShare {
  take?: (tree: HastRoot) => void;
  use?: HastRoot;
}

const shares = new WeakMap<VFile, HastShare>();

/** Run `build` with `share` applied to the hast it makes from the lesson's file. */
export async function withHastShare<T>(file: VFile, share: HastShare, build: () => Promise<T>): Promise<T> {
  shares.set(file, share);
  try {
    return await build();
  } finally {
    shares.delete(file);
  }
}

/**
 * rehype plugin, first after `remark-rehype`: a build given a hast (`use`) builds it instead of the one it
 * made from its (empty) mdast; a build asked to (`take`) lets later builds make theirs from its hast, before
 * turning it into estree changes anything in it.
 */
const rehypeShareHast: Plugin<[], HastRoot> = () => (tree, file) => {
  const share = shares.get(file);
  if (share?.use) return share.use;
  share?.take?.(tree);
  return undefined;
};

/**
 * `remark-rehype` handlers for the MDX node types, for `createProcessor({ remarkRehypeOptions })`: the
 * same hast as passing them through, with a faster copy. A lesson is built three times (student, teacher,
 * teacher-only blocks), and copying MDX nodes was most of the time of turning mdast into hast.
 */
export const mdxHandlers: Handlers = Object.fromEntries(nodeTypes.map((type) => [type, passThrough]));

/**
 * What a code generator of lessons adds to `createProcessor`: the handlers above, the printer of the
 * values they seal (they go together: a sealed value needs its printer), and sharing one build's hast.
 */
export const lessonBuildOptions = {
  remarkRehypeOptions: { handlers: mdxHandlers },
  rehypePlugins: [rehypeShareHast],
  recmaPlugins: [recmaSealedValues],
} satisfies ProcessorOptions;

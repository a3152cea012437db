import { readFile } from 'node:fs/promises';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { exampleRenderer } from '../test/references.js';
import { createCompileCache } from './compile-cache.js';
import { analyzeLesson } from './compile-lesson.js';
import { variantTree } from './lesson-variants.js';
import { copyMdxData, lessonBuildOptions } from './mdx-to-hast.js';

const lessonUrl = new URL('../test/fixtures/example-course/lessons/01-evaporation.mdx', import.meta.url);

/** Every object reachable from `value`. */
function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || found.has(value)) return found;
  found.add(value);
  for (const child of Object.values(value)) objectsIn(child, found);
  return found;
}

describe('copyMdxData', async () => {
  const source = `${await readFile(lessonUrl, 'utf8')}
export const pattern = /wa+ter/giu // a comment
export const big = 12345678901234567890n

{/* a note for authors */}
{pattern.test('water') ? <Term id="evaporation">yes</Term> : 'no'}
`;
  const cache = createCompileCache();
  const path = 'lessons/01-evaporation.mdx';
  const glossary = [{ id: 'evaporation', term: 'Evaporation', definition: 'Water turning into vapour.' }];
  const lesson = await analyzeLesson(source, { path, cache, glossary, citations: await exampleRenderer() });
  const held = cache.take?.<{ tree: Root; file: VFile }>(`tree-${path}`);
  const tree = held?.tree;
  const mdxNodes: object[] = [];
  if (tree) visit(tree, (node) => void (nodeTypes.includes(node.type as never) && mdxNodes.push(node)));

  it('copies every MDX node of a lesson exactly as structuredClone does', () => {
    expect(lesson.issues).toEqual([]);
    // Author-written ESM, expressions and JSX, and the <Citation>, <Term> and <Source> the plugins make.
    expect(mdxNodes.length).toBeGreaterThan(8);
    for (const node of mdxNodes) expect(copyMdxData(node)).toStrictEqual(structuredClone(node));
  });

  it('shares no object with the original, so building one page cannot change another', () => {
    for (const node of mdxNodes) {
      const original = objectsIn(node);
      for (const copied of objectsIn(copyMdxData(node))) expect(original.has(copied)).toBe(false);
    }
  });

  it('builds the same program as @mdx-js/mdx does on its own, props made from data included', async () => {
    const build = async (options: object) => {
      const processor = createProcessor({ format: 'mdx', outputFormat: 'program', ...options });
      if (!tree || !held) throw new Error('the lesson was not held');
      const estree = await processor.run(variantTree(tree, 'teacher') as never, held.file);
      return String(processor.stringify(estree, held.file));
    };
    const ours = await build(lessonBuildOptions);
    expect(ours).toContain('references: [{');
    expect(ours).toBe(await build({}));
    // Twice from the same tree: the first build changed nothing the second one reads.
    expect(await build(lessonBuildOptions)).toBe(ours);
  });
});

import { describe, expect, it } from 'vitest';
import { apps, findCycles, importsOf, packages, workspaceEdges } from './graph.js';

describe('the dependency graph of the workspace', () => {
  const edges = workspaceEdges();

  it('has no cycle between packages, by package.json or by import', () => {
    expect(findCycles(edges)).toEqual([]);
  });

  it('has nothing in packages/ that depends on or imports from apps/', () => {
    const appNames = new Set(apps.map((app) => app.name));
    const packageNames = new Set(packages.map((project) => project.name));
    const intoApps = edges.filter((edge) => packageNames.has(edge.from) && appNames.has(edge.to));
    expect(intoApps.map((edge) => `${edge.from}: ${edge.via}`)).toEqual([]);
  });

  it('points the way docs/architecture.md draws it: the issues leaf depends on no other package', () => {
    expect(edges.filter((edge) => edge.from === '@coursekit/issues')).toEqual([]);
    expect(
      edges.filter((edge) => edge.from === '@coursekit/content-schema').map((edge) => edge.to),
    ).not.toContain('@coursekit/quiz-engine');
  });
});

describe('the checks themselves', () => {
  it('find a cycle, naming its path, and none in a chain', () => {
    const chain = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ];
    expect(findCycles(chain)).toEqual([]);
    expect(findCycles([...chain, { from: 'c', to: 'a' }])).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('see static, re-exported, side-effect, dynamic and required imports', () => {
    const text = [
      "import { a } from '@coursekit/mdx';",
      "import type { B } from '../../apps/teach/lib/b.js';",
      "export { c } from './c.js';",
      "import 'side-effect';",
      "const d = await import('@coursekit/quiz-engine');",
      "const e = require('../e.cjs');",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(
      [
        '../../apps/teach/lib/b.js',
        '../e.cjs',
        './c.js',
        '@coursekit/mdx',
        '@coursekit/quiz-engine',
        'side-effect',
      ].sort(),
    );
  });
});

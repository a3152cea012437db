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

  it('points the way docs/architecture.md draws it: issues <- engines <- mdx', () => {
    const allowed: Record<string, string[]> = {
      '@coursekit/issues': [],
      '@coursekit/content-schema': ['@coursekit/issues'],
      '@coursekit/quiz-engine': ['@coursekit/issues'],
      '@coursekit/citations': ['@coursekit/issues'],
      '@coursekit/mdx': [
        '@coursekit/issues',
        '@coursekit/content-schema',
        '@coursekit/quiz-engine',
        '@coursekit/citations',
      ],
      '@coursekit/classroom': ['@coursekit/issues', '@coursekit/mdx', '@coursekit/quiz-engine'],
      // classroom only as a devDependency: a type test that the quiz's copies of its answers match.
      '@coursekit/react': ['@coursekit/issues', '@coursekit/quiz-engine', '@coursekit/classroom'],
      '@coursekit/next': [
        '@coursekit/citations',
        '@coursekit/classroom',
        '@coursekit/content-schema',
        '@coursekit/mdx',
        '@coursekit/quiz-engine',
        '@coursekit/react',
      ],
    };
    // Packages not named here (a new one) are held by the cycle and apps/ checks above.
    const against = edges.filter((edge) => {
      const may = allowed[edge.from];
      return may !== undefined && !may.includes(edge.to);
    });
    expect(against.map((edge) => `${edge.from} -> ${edge.to}: ${edge.via}`)).toEqual([]);
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

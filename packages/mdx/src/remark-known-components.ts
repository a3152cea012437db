import { closestMatches } from '@coursekit/issues';
import type { Program } from 'estree';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { courseComponents } from './components.js';
import { reportProblem } from './report.js';

export interface RemarkKnownComponentsOptions {
  /** Components the app provides beyond coursekit's own. */
  components?: readonly string[] | undefined;
}

/** Names a lesson defines itself with `import` or `export`. */
function namesDefinedIn(program: Program | null | undefined): string[] {
  const names: string[] = [];
  for (const statement of program?.body ?? []) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) names.push(specifier.local.name);
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
        }
      } else if (declaration.id) {
        names.push(declaration.id.name);
      }
    }
  }
  return names;
}

/**
 * Report JSX components that nobody provides (`<Qiuz id="…"/>`), which would otherwise only fail when a
 * student opens the page. HTML elements (lower case) are always fine.
 */
export const remarkKnownComponents: Plugin<[RemarkKnownComponentsOptions?], Root> = (options = {}) => {
  return (tree, file) => {
    const known = new Set<string>([...courseComponents, ...(options.components ?? [])]);
    for (const node of tree.children) {
      if (node.type === 'mdxjsEsm') for (const name of namesDefinedIn(node.data?.estree)) known.add(name);
    }
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name;
      // Fragments (`<>`) have no name; member names (`<ui.Box>`) are checked by their base.
      const base = name?.split('.')[0];
      if (!base || !/^[A-Z]/.test(base) || known.has(base)) return;
      const expected = closestMatches(base, known);
      reportProblem(
        file,
        `unknown component <${name}>; lessons can use ${courseComponents.map((known) => `<${known}>`).join(', ')}`,
        {
          place: node,
          rule: 'mdx/unknown-component',
          expected: expected.map((candidate) => `<${candidate}>`),
        },
      );
    });
  };
};

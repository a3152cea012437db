// Reads the workspace as a graph of packages: who depends on whom, by package.json and by what the source
// imports, so tests can hold the arrows of docs/architecture.md (leaf <- engines <- mdx <- apps).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorkspaceProject {
  name: string;
  /** Folder relative to the root: `packages/mdx`. */
  dir: string;
  manifest: {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
}

export interface ImportEdge {
  from: string;
  to: string;
  /** `package.json` or the source file (relative to the root) and what it imports. */
  via: string;
}

function projectsIn(folder: string): WorkspaceProject[] {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'package.json')))
    .map((name) => ({
      name: JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')).name as string,
      dir: `${folder}/${name}`,
      manifest: JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')),
    }));
}

export const packages = projectsIn('packages');
export const apps = projectsIn('apps');

const sourceEndings = /\.(?:[cm]?[jt]sx?)$/;
const skipped = new Set(['node_modules', 'dist', '.next', '.turbo', 'coverage']);

/** Every source file of a project (src, scripts, test, bench and config files), relative to the root. */
export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(join(root, folder))) {
      if (skipped.has(name)) continue;
      const path = `${folder}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (sourceEndings.test(name)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** The module specifiers a source text imports, exports from, requires or imports dynamically. */
export function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern)) specifiers.push(match[1] as string);
  return specifiers;
}

/** The workspace project a specifier or a path names, if any. */
function projectOf(
  specifierOrPath: string,
  projects: readonly WorkspaceProject[],
): WorkspaceProject | undefined {
  return projects.find(
    (project) =>
      specifierOrPath === project.name ||
      specifierOrPath.startsWith(`${project.name}/`) ||
      specifierOrPath === project.dir ||
      specifierOrPath.startsWith(`${project.dir}/`),
  );
}

/** Edges between workspace projects: declared in package.json, and imported by source (by name or by path). */
export function workspaceEdges(): ImportEdge[] {
  const all = [...packages, ...apps];
  const edges: ImportEdge[] = [];
  for (const project of all) {
    const { dependencies, devDependencies, peerDependencies, optionalDependencies } = project.manifest;
    for (const name of Object.keys({
      ...dependencies,
      ...devDependencies,
      ...peerDependencies,
      ...optionalDependencies,
    })) {
      const target = projectOf(name, all);
      if (target && target !== project)
        edges.push({ from: project.name, to: target.name, via: `${project.dir}/package.json` });
    }
    for (const file of sourceFiles(project.dir)) {
      for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
        const path = specifier.startsWith('.')
          ? relative(root, resolve(root, dirname(file), specifier))
              .split(sep)
              .join('/')
          : specifier;
        const target = projectOf(path, all);
        if (target && target !== project)
          edges.push({ from: project.name, to: target.name, via: `${file} imports '${specifier}'` });
      }
    }
  }
  return edges;
}

/** Every cycle in a graph, each as the path of names that closes it (`a -> b -> a`); empty when none. */
export function findCycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at !== -1) {
      cycles.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const to of next.get(node) ?? []) visit(to, [...path, node]);
    done.add(node);
  };
  for (const node of next.keys()) visit(node, []);
  return cycles;
}

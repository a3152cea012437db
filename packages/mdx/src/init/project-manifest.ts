import { packageVersion } from './package-root.js';
import { sitePackage } from './site-template.js';

export const packageManagers = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof packageManagers)[number];

/** The parts of a package.json a project is made of. */
export interface ProjectManifest {
  name: string;
  version: string;
  private: true;
  type: 'module';
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The package.json of the site package whose template is copied (`@coursekit/next`). */
export interface SiteManifest {
  version: string;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** What a Next.js project of TypeScript app files needs to build, beside the site's peers. */
const typeScriptTools: Record<string, string> = {
  '@types/node': '^20.19.0',
  '@types/react': '^19.2.0',
  typescript: '~5.9.3',
};

/** The site's peers when its package.json is not at hand. */
const defaultSitePeers: Record<string, string> = {
  next: '^16.0.0',
  react: '^19.2.0',
  'react-dom': '^19.2.0',
};

/** `npm run dev`, `pnpm dev`, …: how a user runs a script with their package manager. */
export function runCommand(packageManager: PackageManager, script: string): string {
  return packageManager === 'npm' ? `npm run ${script}` : `${packageManager} ${script}`;
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The package.json of a new project: Next.js's dev, build and start, `check` through `@coursekit/mdx` (at the
 * version that writes the project), and `@coursekit/next` with the peers it asks for.
 */
export function projectManifest(options: {
  name: string;
  courseDir: string;
  site: SiteManifest | undefined;
}): ProjectManifest {
  const site = options.site;
  const peers = site?.peerDependencies
    ? Object.fromEntries(
        Object.entries(site.peerDependencies).filter(
          ([name]) => site.peerDependenciesMeta?.[name]?.optional !== true,
        ),
      )
    : defaultSitePeers;
  return {
    name: options.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      dev: 'next dev',
      build: 'next build',
      start: 'coursekit-next start',
      check: `coursekit check ${options.courseDir}`,
    },
    dependencies: sorted({
      ...peers,
      '@coursekit/mdx': `^${packageVersion()}`,
      [sitePackage]: `^${site?.version ?? packageVersion()}`,
    }),
    devDependencies: sorted(typeScriptTools),
  };
}

/** The scripts and dependencies of `wanted` that the package.json text `existing` lacks, one `key: value` each. */
export function missingFromManifest(existing: string, wanted: ProjectManifest): string[] {
  let current: Partial<ProjectManifest>;
  try {
    current = JSON.parse(existing) as Partial<ProjectManifest>;
  } catch {
    return [
      'package.json is not valid JSON; fix it, then add the scripts and dependencies of a coursekit project',
    ];
  }
  const missing: string[] = [];
  for (const [script, command] of Object.entries(wanted.scripts)) {
    if (current.scripts?.[script] === undefined) missing.push(`scripts.${script}: ${command}`);
  }
  const has = (name: string) =>
    current.dependencies?.[name] !== undefined || current.devDependencies?.[name] !== undefined;
  for (const [name, range] of Object.entries(wanted.dependencies)) {
    if (!has(name)) missing.push(`dependencies.${name}: ${range}`);
  }
  for (const [name, range] of Object.entries(wanted.devDependencies ?? {})) {
    if (!has(name)) missing.push(`devDependencies.${name}: ${range}`);
  }
  return missing;
}

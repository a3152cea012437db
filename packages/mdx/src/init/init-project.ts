import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './package-root.js';
import {
  missingFromManifest,
  type PackageManager,
  type ProjectManifest,
  projectManifest,
  runCommand,
  type SiteManifest,
} from './project-manifest.js';
import { checkProjectName, projectNameFromFolder } from './project-name.js';
import { findSiteTemplate } from './site-template.js';

/** The project cannot be written (bad name, folder not empty, not a folder); nothing was written. */
export class InitProjectError extends Error {
  override readonly name = 'InitProjectError';
}

/** Where the starter course goes inside a new project. */
export const starterCourseFolder = 'course';

/** Files a folder may hold and still count as empty for a new project. */
const ignorableEntries = new Set(['.git', '.DS_Store', 'Thumbs.db', '.idea', '.vscode']);

export interface InitProjectOptions {
  /** The project folder; created when missing. */
  dir: string;
  /** The folder that messages name paths from. Default: the process's working directory. */
  cwd?: string | undefined;
  /** The package name in package.json; default: made from the folder's name. */
  name?: string | undefined;
  /**
   * The site's app files to copy (`@coursekit/next`'s `template/` folder). Default: the one installed where
   * the project is; when none is found the other files are written and `siteTemplate` is undefined.
   */
  siteTemplateDir?: string | undefined;
  /** Refuse a folder that already has files, instead of skipping them (what `npm create coursekit` does). */
  requireEmpty?: boolean | undefined;
  /** The package manager the README and messages name. Default npm. */
  packageManager?: PackageManager | undefined;
}

export interface InitializedProject {
  /** The project folder, absolute. */
  dir: string;
  /** The package name. */
  name: string;
  /** The course folder, relative to the project: `course`. */
  courseDir: string;
  /** True when the folder has a course.yaml of its own at the top, which the site does not read. */
  courseAtTop: boolean;
  /** Files written, relative to the project, sorted. */
  written: string[];
  /** Files that already existed and were left as they were, relative to the project, sorted. */
  skipped: string[];
  /** The site template copied, or undefined when none was found (the site's app files were not written). */
  siteTemplate: string | undefined;
  /** What an existing package.json lacks (scripts and dependencies), as `key: value` lines; empty when nothing. */
  manifestAdvice: string[];
}

interface PlannedFile {
  path: string;
  content: string | Buffer;
}

/** Every file under `dir`, relative and with `/` separators, sorted. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** npm leaves `.gitignore` out of published packages, so templates ship it as `gitignore`. */
function publishedName(path: string): string {
  return path.replace(/(^|\/)gitignore$/, '$1.gitignore').replace(/(^|\/)npmrc$/, '$1.npmrc');
}

/** The template is `template/` of the site package, so its package.json is one folder up. */
function readSiteManifest(templateDir: string): SiteManifest | undefined {
  const path = join(templateDir, '..', 'package.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as SiteManifest;
}

function nameInPackageJson(dir: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

function fillReadme(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function checkFolder(dir: string, requireEmpty: boolean, label: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new InitProjectError(`${label} is a file, not a folder; give a folder name for the new project`);
  }
  if (!requireEmpty) return;
  const entries = readdirSync(dir).filter((entry) => !ignorableEntries.has(entry));
  if (entries.length === 0) return;
  const shown =
    entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, and ${entries.length - 3} more` : '');
  throw new InitProjectError(
    `${label} is not empty (it has ${shown}), so nothing was written. Choose a new folder name, or empty this ` +
      `folder, or run \`npx -p @coursekit/mdx coursekit init ${label}\` to add a coursekit project to it without replacing any file`,
  );
}

/**
 * Write a coursekit project into `dir`: package.json with the dev, build, start and check scripts, the site's
 * app files from `@coursekit/next`'s template, and in `course/` a starter course that passes `coursekit check`.
 * Existing files are never replaced: they are listed in `skipped`. Throws
 * `InitProjectError`, having written nothing, when the name or the folder will not do.
 */
export async function initProject(options: InitProjectOptions): Promise<InitializedProject> {
  const dir = resolve(options.dir);
  const fromCwd = relative(options.cwd ?? process.cwd(), dir);
  const label = fromCwd.startsWith('..') ? dir : fromCwd || '.';
  const packageManager = options.packageManager ?? 'npm';
  checkFolder(dir, options.requireEmpty ?? false, label);

  // A package.json that is there keeps its name (init leaves it as it is); the README names the project by it.
  const existingName = options.name === undefined ? nameInPackageJson(dir) : undefined;
  const name = options.name ?? existingName ?? projectNameFromFolder(dir);
  const nameCheck = checkProjectName(name);
  if (!nameCheck.ok && existingName === undefined) {
    throw new InitProjectError(
      `'${name}' cannot be the project's package name: ${nameCheck.problems.join('; ')}. ` +
        'Use lower-case letters, digits and hyphens, such as my-course' +
        (options.name === undefined ? ', with --name <name>' : ''),
    );
  }

  const siteTemplate = options.siteTemplateDir
    ? resolve(options.siteTemplateDir)
    : findSiteTemplate([dir, options.cwd ?? process.cwd()]);
  if (siteTemplate && !existsSync(siteTemplate)) {
    throw new InitProjectError(`the site template ${siteTemplate} does not exist`);
  }

  // The site reads the course from course/ (its next.config.ts says so), so the starter always goes there.
  const courseDir = starterCourseFolder;
  const starter = join(packageRoot(), 'starter');
  const planned: PlannedFile[] = [];

  const siteManifest = siteTemplate ? readSiteManifest(siteTemplate) : undefined;
  if (siteTemplate) {
    for (const path of filesUnder(siteTemplate)) {
      planned.push({ path: publishedName(path), content: readFileSync(join(siteTemplate, path)) });
    }
  }
  for (const path of filesUnder(join(starter, 'course'))) {
    planned.push({ path: `${courseDir}/${path}`, content: readFileSync(join(starter, 'course', path)) });
  }
  const manifest: ProjectManifest = projectManifest({ name, courseDir, site: siteManifest });
  planned.push({ path: 'package.json', content: `${JSON.stringify(manifest, null, 2)}\n` });
  for (const path of filesUnder(join(starter, 'project'))) {
    const text = readFileSync(join(starter, 'project', path), 'utf8');
    const content = path.endsWith('.md')
      ? fillReadme(text, {
          name,
          courseDir,
          install: packageManager === 'npm' ? 'npm install' : `${packageManager} install`,
          dev: runCommand(packageManager, 'dev'),
          build: runCommand(packageManager, 'build'),
          start: runCommand(packageManager, 'start'),
          check: runCommand(packageManager, 'check'),
        })
      : text;
    planned.push({ path: publishedName(path), content });
  }

  // One file per path: the site's own .gitignore or README wins over the generic ones planned after it.
  const byPath = new Map<string, PlannedFile>();
  for (const file of planned) if (!byPath.has(file.path)) byPath.set(file.path, file);

  const written: string[] = [];
  const skipped: string[] = [];
  await mkdir(dir, { recursive: true });
  for (const file of byPath.values()) {
    const target = join(dir, file.path);
    if (existsSync(target)) {
      skipped.push(file.path);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
    written.push(file.path);
  }

  const manifestAdvice = skipped.includes('package.json')
    ? missingFromManifest(readFileSync(join(dir, 'package.json'), 'utf8'), manifest)
    : [];
  return {
    dir,
    name,
    courseDir,
    courseAtTop: existsSync(join(dir, 'course.yaml')),
    written: written.sort(),
    skipped: skipped.sort(),
    siteTemplate,
    manifestAdvice,
  };
}

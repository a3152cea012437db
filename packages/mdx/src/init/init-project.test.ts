import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/cli-io.js';
import { runCli } from '../cli-program.js';
import { InitProjectError, initProject } from './init-project.js';

const sitePackage = new URL('../../test/fixtures/site-package/', import.meta.url).pathname;
const siteTemplate = join(sitePackage, 'template');

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-init-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file under `dir` with its content and modification time, to prove nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = `${(await stat(path)).mtimeMs} ${await readFile(path, 'utf8')}`;
    }
  };
  await walk(dir);
  return out;
}

describe('initProject', () => {
  it('writes a project whose starter course passes coursekit check', async () => {
    const dir = join(work, 'my-course');
    const project = await initProject({ dir, siteTemplateDir: siteTemplate });
    expect(project.name).toBe('my-course');
    expect(project.skipped).toEqual([]);
    expect(project.written).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        '.gitignore',
        'next.config.ts',
        'app/layout.tsx',
        'app/lessons/[id]/page.tsx',
        'course/course.yaml',
        'course/lessons/01-we-the-people.mdx',
        'course/quizzes/we-the-people.yaml',
        'course/references.bib',
        'course/glossary.yaml',
        'course/reading.md',
      ]),
    );

    const { io, output } = captureIo(dir);
    expect(await runCli(['check', 'course'], io)).toBe(0);
    expect(output.stdout).toBe('no problems found\n');
  });

  it('copies the site template verbatim and gives package.json the scripts and the peers of the site', async () => {
    const dir = join(work, 'my-course');
    await initProject({ dir, siteTemplateDir: siteTemplate });
    expect(await readFile(join(dir, 'next.config.ts'), 'utf8')).toBe(
      await readFile(join(siteTemplate, 'next.config.ts'), 'utf8'),
    );
    // npm drops .gitignore from packages, so the template ships `gitignore`; the site's wins over the generic one.
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n.next/\n');
    expect(existsSync(join(dir, 'gitignore'))).toBe(false);

    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(manifest.scripts).toEqual({
      dev: 'next dev',
      build: 'next build',
      start: 'coursekit-next start',
      check: 'coursekit check course',
    });
    expect(Object.keys(manifest.dependencies)).toEqual([
      '@coursekit/mdx',
      '@coursekit/next',
      'next',
      'react',
      'react-dom',
    ]);
    expect(manifest.dependencies['@coursekit/next']).toBe('^0.3.0');
    expect(manifest.devDependencies).toHaveProperty('typescript');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain('npm run dev');
  });

  it('finds the site template of the @coursekit/next installed in the project', async () => {
    const dir = join(work, 'my-course');
    await cp(sitePackage, join(dir, 'node_modules/@coursekit/next'), { recursive: true });
    const project = await initProject({ dir });
    expect(project.siteTemplate).toBe(join(dir, 'node_modules/@coursekit/next/template'));
    expect(project.written).toContain('app/page.tsx');
  });

  it('writes the rest and says so when no site template is installed', async () => {
    const dir = join(work, 'my-course');
    const project = await initProject({ dir });
    expect(project.siteTemplate).toBeUndefined();
    expect(project.written).toContain('course/course.yaml');
    expect(project.written.some((file) => file.startsWith('app/'))).toBe(false);
  });

  it('refuses a folder that is not empty when asked to, and changes nothing in it', async () => {
    const dir = join(work, 'taken');
    await mkdir(join(dir, 'notes'), { recursive: true });
    await writeFile(join(dir, 'notes/todo.txt'), 'mine\n');
    await writeFile(join(dir, 'package.json'), '{"name":"taken"}\n');
    const before = await snapshot(dir);
    const refused = initProject({ dir, siteTemplateDir: siteTemplate, requireEmpty: true, cwd: work });
    await expect(refused).rejects.toThrow(InitProjectError);
    await expect(refused).rejects.toThrow(
      /^taken is not empty \(it has notes, package.json\), so nothing was written\. Choose a new folder name.*coursekit init taken/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('counts a folder with only .git in it as empty', async () => {
    const dir = join(work, 'fresh');
    await mkdir(join(dir, '.git'), { recursive: true });
    const project = await initProject({ dir, siteTemplateDir: siteTemplate, requireEmpty: true });
    expect(project.written).toContain('package.json');
  });

  it('refuses a name npm would refuse, naming the rule, and creates no folder', async () => {
    const dir = join(work, 'Fine Folder');
    await expect(initProject({ dir, name: 'My Course', siteTemplateDir: siteTemplate })).rejects.toThrow(
      "'My Course' cannot be the project's package name: name can only contain URL-friendly characters; name can no longer contain capital letters. Use lower-case letters, digits and hyphens, such as my-course",
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('makes a package name from the folder name when none is given', async () => {
    const project = await initProject({
      dir: join(work, 'Cours de Français'),
      siteTemplateDir: siteTemplate,
    });
    expect(project.name).toBe('cours-de-francais');
  });

  it('keeps the name of a package.json that is there, whatever the folder is called', async () => {
    const dir = join(work, '_Old Notes');
    await mkdir(dir);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'history-notes' }));
    const project = await initProject({ dir, siteTemplateDir: siteTemplate });
    expect(project.name).toBe('history-notes');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(/^# history-notes\n/);
  });

  it('keeps every file that exists, lists it, and says what the kept package.json lacks', async () => {
    const dir = join(work, 'existing');
    await mkdir(join(dir, 'course/lessons'), { recursive: true });
    await writeFile(join(dir, 'README.md'), '# My notes\n');
    await writeFile(join(dir, 'course/lessons/01-we-the-people.mdx'), 'my own lesson\n');
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'existing', scripts: { dev: 'next dev' }, dependencies: { next: '^16.0.0' } }),
    );
    const before = await snapshot(dir);

    const project = await initProject({ dir, siteTemplateDir: siteTemplate });
    expect(project.skipped).toEqual(['README.md', 'course/lessons/01-we-the-people.mdx', 'package.json']);
    expect(project.written).toContain('course/course.yaml');
    expect(project.written).not.toContain('README.md');
    const after = await snapshot(dir);
    for (const [file, content] of Object.entries(before)) expect(after[file], file).toBe(content);
    expect(project.manifestAdvice).toEqual(
      expect.arrayContaining([
        'scripts.build: next build',
        'scripts.check: coursekit check course',
        'dependencies.@coursekit/next: ^0.3.0',
        'dependencies.react: ^19.2.0',
      ]),
    );
    expect(project.manifestAdvice.join('\n')).not.toContain('scripts.dev');
    expect(project.manifestAdvice.join('\n')).not.toContain('dependencies.next:');

    const again = await initProject({ dir, siteTemplateDir: siteTemplate });
    expect(again.written).toEqual([]);
  });
});

describe('coursekit init', () => {
  it('reports what it wrote and what it kept, and the next step', async () => {
    await mkdir(join(work, 'existing'));
    await writeFile(join(work, 'existing/README.md'), '# Mine\n');
    const { io, output } = captureIo(work);
    expect(await runCli(['init', 'existing', '--site-template', siteTemplate], io)).toBe(0);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^wrote \d+ files into existing$/);
    expect(lines[1]).toBe('kept 1 file that was there: README.md');
    expect(lines.at(-1)).toBe('next: cd existing && npm install && npm run dev');
    expect(output.stderr).toBe('');
  });

  it('says how to get the site files when @coursekit/next is not installed', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['init', 'course-project', '--package-manager', 'pnpm'], io)).toBe(0);
    expect(output.stdout).toContain(
      "the site's app files were not written: @coursekit/next is not installed here. Install the dependencies, then run coursekit init course-project again to add them",
    );
    expect(output.stdout).toContain('next: cd course-project && pnpm install && pnpm dev');
  });

  it('prints a bad name as one line on stderr, exit code 2, and writes nothing', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['init', 'x', '--name', '.hidden', '--site-template', siteTemplate], io)).toBe(2);
    expect(output.stderr).toBe(
      "coursekit: '.hidden' cannot be the project's package name: name cannot start with a period. Use lower-case letters, digits and hyphens, such as my-course\n",
    );
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});

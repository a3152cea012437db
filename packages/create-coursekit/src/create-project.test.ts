import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { PackageManager } from '@coursekit/mdx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CreateIo, runCreate } from './create-project.js';
import { packageManagerFromUserAgent } from './package-manager.js';
import { bundledSiteTemplate } from './site-template.js';

const run = promisify(execFile);
const siteTemplate = new URL('../test/fixtures/site-package/template', import.meta.url).pathname;
// The real `coursekit` bin of the @coursekit/mdx this package depends on.
const coursekitBin = join(
  dirname(createRequire(import.meta.url).resolve('@coursekit/mdx/package.json')),
  'dist/cli.js',
);

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'create-coursekit-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function captureIo(options: Partial<CreateIo> = {}) {
  const output = { stdout: '', stderr: '' };
  const stream = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk, _encoding, done) {
        output[name] += String(chunk);
        done();
      },
    });
  const installs: { packageManager: PackageManager; dir: string }[] = [];
  const io: CreateIo = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    cwd: work,
    install: async (packageManager, dir) => {
      installs.push({ packageManager, dir });
      return 0;
    },
    ...options,
  };
  return { io, output, installs };
}

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

describe('create-coursekit', () => {
  it('writes a project whose course passes the real coursekit check', async () => {
    const { io, output } = captureIo();
    const code = await runCreate(['my-course', '--no-install', '--site-template', siteTemplate], io);
    expect(output.stderr).toBe('');
    expect(code).toBe(0);
    expect(output.stdout).toMatch(
      /^Wrote my-course into my-course: \d+ files, with a starter course in course\/\./,
    );

    const project = join(work, 'my-course');
    const { stdout } = await run(process.execPath, [coursekitBin, 'check', 'course'], { cwd: project });
    expect(stdout).toBe('no problems found\n');
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-course');
    expect(manifest.scripts.check).toBe('coursekit check course');
    expect(existsSync(join(project, 'app/layout.tsx'))).toBe(true);
  });

  it('with --no-install writes no node_modules, runs no install, and lists the install as the next step', async () => {
    const { io, output, installs } = captureIo();
    expect(await runCreate(['my-course', '--no-install', '--site-template', siteTemplate], io)).toBe(0);
    expect(installs).toEqual([]);
    expect(existsSync(join(work, 'my-course/node_modules'))).toBe(false);
    expect(output.stdout).toContain('\nNext:\n  cd my-course\n  npm install\n  npm run dev ');
  });

  it('installs with the package manager that ran it, or the one asked for', async () => {
    const pnpm = captureIo({ userAgent: 'pnpm/10.12.1 npm/? node/v20.19.0 linux x64' });
    expect(await runCreate(['by-agent', '--site-template', siteTemplate], pnpm.io)).toBe(0);
    expect(pnpm.installs).toEqual([{ packageManager: 'pnpm', dir: join(work, 'by-agent') }]);
    expect(pnpm.output.stdout).toContain('  pnpm dev ');
    expect(pnpm.output.stdout).not.toContain('pnpm install\n');

    const yarn = captureIo({ userAgent: 'pnpm/10.12.1' });
    expect(
      await runCreate(['by-option', '--package-manager', 'yarn', '--site-template', siteTemplate], yarn.io),
    ).toBe(0);
    expect(yarn.installs).toEqual([{ packageManager: 'yarn', dir: join(work, 'by-option') }]);
  });

  it('says plainly what to do when the install fails, and keeps the files', async () => {
    const { io, output } = captureIo({ install: async () => 1 });
    expect(await runCreate(['my-course', '--site-template', siteTemplate], io)).toBe(1);
    expect(output.stderr).toBe(
      'create-coursekit: the project is written, but npm install failed (exit code 1); fix what it printed above, then run npm install in my-course\n',
    );
    expect(existsSync(join(work, 'my-course/course/course.yaml'))).toBe(true);
  });

  it('refuses a folder that is not empty, says what to do, and changes nothing in it', async () => {
    const dir = join(work, 'taken');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.md'), '# mine\n');
    const before = await snapshot(dir);
    const { io, output, installs } = captureIo();
    expect(await runCreate(['taken', '--site-template', siteTemplate], io)).toBe(1);
    expect(output.stderr).toBe(
      'create-coursekit: taken is not empty (it has notes.md), so nothing was written. Choose a new folder name, ' +
        'or empty this folder, or run `npx -p @coursekit/mdx coursekit init taken` to add a coursekit project to it without replacing any file\n',
    );
    expect(output.stdout).toBe('');
    expect(installs).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a name npm would refuse, in plain words and without a stack trace, writing nothing', async () => {
    const { io, output } = captureIo();
    expect(await runCreate(['ok-folder', '--name', '_private', '--site-template', siteTemplate], io)).toBe(1);
    expect(output.stderr).toBe(
      "create-coursekit: '_private' cannot be the project's package name: name cannot start with an underscore. Use lower-case letters, digits and hyphens, such as my-course\n",
    );
    expect(readdirSync(work)).toEqual([]);
  });

  it('makes the package name from the folder name', async () => {
    const { io } = captureIo();
    expect(await runCreate(['My Course', '--no-install', '--site-template', siteTemplate], io)).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'My Course/package.json'), 'utf8')).name).toBe('my-course');
  });

  it('asks for the folder when none is given', async () => {
    const { io, output } = captureIo();
    expect(await runCreate([], io)).toBe(2);
    expect(output.stderr).toBe(
      'create-coursekit: give the folder for the new project, such as: npm create coursekit@latest my-course\n',
    );
  });

  it('copies every file of the bundled @coursekit/next template verbatim', async () => {
    // The build bundles packages/next/template (turbo runs it before this test).
    const template = bundledSiteTemplate();
    if (!template)
      throw new Error('no bundled site template: run `pnpm --filter create-coursekit build` first');
    const { io } = captureIo();
    expect(await runCreate(['bundled', '--no-install'], io)).toBe(0);
    const files = readdirSync(template, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.length).toBeGreaterThan(0);
    const site = new URL('../../next/template/', import.meta.url).pathname;
    expect(
      files.map((entry) => relative(template, join(entry.parentPath, entry.name))).sort(),
      'the bundle is packages/next/template as it is now',
    ).toEqual(
      readdirSync(site, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(site, join(entry.parentPath, entry.name)))
        .sort(),
    );
    expect(existsSync(join(work, 'bundled/app/lessons/[id]/page.tsx'))).toBe(true);
    for (const entry of files) {
      const file = relative(template, join(entry.parentPath, entry.name));
      const written = file.replace(/(^|\/)gitignore$/, '$1.gitignore');
      expect(readFileSync(join(work, 'bundled', written), 'utf8'), file).toBe(
        readFileSync(join(template, file), 'utf8'),
      );
    }
  });
});

describe('packageManagerFromUserAgent', () => {
  it.each([
    ['npm/10.8.2 node/v20.19.0 linux x64 workspaces/false', 'npm'],
    ['pnpm/10.12.1 npm/? node/v20.19.0 linux x64', 'pnpm'],
    ['yarn/4.5.0 npm/? node/v20.19.0 linux x64', 'yarn'],
    ['bun/1.2.0 npm/? node/v20.19.0 linux x64', 'bun'],
    [undefined, 'npm'],
  ])('%s -> %s', (agent, expected) => {
    expect(packageManagerFromUserAgent(agent)).toBe(expected);
  });
});

// Packs every public package as it would be published, installs the tarballs into a consumer project outside the
// workspace with plain npm, and uses them from ESM, CJS and TypeScript: how another course would reuse them.
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { npm, npmStart, type ServedSite } from './site';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packagesDir = join(root, 'packages');
const bin = (name: string) => join(root, 'tests/node_modules/.bin', name);

const packages = readdirSync(packagesDir)
  .map((dir) => ({
    dir: join(packagesDir, dir),
    manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.manifest.private) as { dir: string; manifest: { name: string } }[];

let consumer: string;
const tarballs = new Map<string, string>();

async function sh(command: string, args: string[], cwd: string) {
  try {
    return await run(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

beforeAll(async () => {
  consumer = mkdtempSync(join(tmpdir(), 'coursekit-consumer-'));
  const packs = join(consumer, 'tarballs');
  mkdirSync(packs);
  for (const { dir, manifest } of packages) {
    const { stdout } = await sh('pnpm', ['pack', '--pack-destination', packs, '--json'], dir);
    const packed = JSON.parse(stdout) as { filename: string } | { filename: string }[];
    const filename = Array.isArray(packed) ? packed[0]?.filename : packed.filename;
    if (!filename) throw new Error(`pnpm pack printed no filename for ${manifest.name}`);
    tarballs.set(manifest.name, resolve(packs, filename));
  }
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'coursekit-consumer', private: true, version: '1.0.0' }, null, 2),
  );
  await sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs.values()],
    consumer,
  );
  // Scripts were skipped above; @coursekit/classroom needs its native SQLite driver built, as a user's
  // `npm install` would (from source against this Node.js's headers when no prebuilt binary can be fetched).
  await sh('npm', ['rebuild', 'better-sqlite3'], consumer);
});

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('packed packages, consumed outside the workspace', () => {
  it('installs every public package from its tarball, not from a workspace link', () => {
    expect([...tarballs.keys()].sort()).toEqual([
      '@coursekit/citations',
      '@coursekit/classroom',
      '@coursekit/content-schema',
      '@coursekit/issues',
      '@coursekit/mdx',
      '@coursekit/next',
      '@coursekit/quiz-engine',
      '@coursekit/react',
      'create-coursekit',
    ]);
    for (const name of tarballs.keys()) {
      const installed = JSON.parse(
        readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
      );
      expect(JSON.stringify(installed.dependencies ?? {})).not.toContain('workspace:');
    }
  });

  it('imports each package from ESM and requires it from CJS with the same exports', async () => {
    const names = [...tarballs.keys()];
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `const out = {};\nfor (const name of ${JSON.stringify(names)}) out[name] = Object.keys(await import(name)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const out = {};\nfor (const name of ${JSON.stringify(names)}) out[name] = Object.keys(require(name)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    const esm = JSON.parse((await sh(process.execPath, ['esm.mjs'], consumer)).stdout) as Record<
      string,
      string[]
    >;
    const cjs = JSON.parse((await sh(process.execPath, ['cjs.cjs'], consumer)).stdout) as Record<
      string,
      string[]
    >;
    for (const name of names) {
      expect(esm[name]?.length, `${name} has exports`).toBeGreaterThan(0);
      expect(cjs[name], `${name}: require() gives the same names as import`).toEqual(esm[name]);
    }
  });

  it.each(['node16', 'bundler'] as const)(
    'type-checks a consumer file with moduleResolution %s',
    async (resolution) => {
      const source = readFileSync(join(root, 'tests/packaging/fixtures/consumer.ts'), 'utf8');
      const dir = join(consumer, `ts-${resolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, resolution === 'node16' ? 'consumer.mts' : 'consumer.ts'), source);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            target: 'ES2022',
            module: resolution === 'node16' ? 'Node16' : 'ESNext',
            moduleResolution: resolution === 'node16' ? 'Node16' : 'Bundler',
            types: [],
            lib: ['ES2023', 'DOM'],
          },
          include: ['*.ts', '*.mts'],
        }),
      );
      await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], consumer);
    },
  );

  it("imports GIFT with this repository's gift-pegjs fix, from ESM and CJS alike", async () => {
    // `1+1=2` in a question text is Moodle syntax that gift-pegjs 1.0.2 itself refuses.
    const gift = '::Q1:: 1+1\\=2 {T}\n\n::Q2:: 1+1=2 {T}';
    const script = (load: string) =>
      `${load}\nconst quiz = importGift(${JSON.stringify(gift)});\n` +
      'console.log(JSON.stringify(quiz.questions.map((q) => [q.id, q.type, q.prompt])));';
    writeFileSync(join(consumer, 'gift.mjs'), script("import { importGift } from '@coursekit/quiz-engine';"));
    writeFileSync(
      join(consumer, 'gift.cjs'),
      script("const { importGift } = require('@coursekit/quiz-engine');"),
    );
    for (const file of ['gift.mjs', 'gift.cjs']) {
      const questions = JSON.parse((await sh(process.execPath, [file], consumer)).stdout) as string[][];
      expect(
        questions.map(([id, type]) => [id, type]),
        file,
      ).toEqual([
        ['q1', 'truefalse'],
        ['q2', 'truefalse'],
      ]);
      expect(questions[1]?.[2], file).toBe('1+1=2');
    }
  });

  it('runs the @coursekit/classroom README example: a node:http server answering the class-mode API', async () => {
    const readme = readFileSync(join(consumer, 'node_modules/@coursekit/classroom/README.md'), 'utf8');
    const use = readme.slice(readme.indexOf('## Use'));
    const example = /```js\n([\s\S]*?)```/.exec(use)?.[1];
    expect(example, 'the README has a js example under Use').toContain("from '@coursekit/classroom'");
    writeFileSync(join(consumer, 'server.mjs'), example ?? '');
    cpSync(join(root, 'packages/classroom/test/fixtures/course'), join(consumer, 'course'), {
      recursive: true,
    });
    const child = spawn(process.execPath, ['server.mjs'], {
      cwd: consumer,
      env: {
        ...process.env,
        PORT: '0',
        TEACHER_PASSCODE: 'readme-example-passcode',
        DATABASE_URL: '',
        COURSE_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`the example printed no URL:\n${output}`)), 30_000);
        const look = () => {
          const found = /class mode on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(output);
          if (found?.[1]) {
            clearTimeout(timer);
            resolveUrl(found[1]);
          }
        };
        child.stdout.on('data', look);
        child.on('exit', (code) => reject(new Error(`the example exited (${code}):\n${output}`)));
      });
      const quiz = await fetch(`${url}/api/quizzes/summits-and-workers`);
      expect(quiz.status, output).toBe(200);
      const body = (await quiz.json()) as {
        quiz: { id: string; questions: unknown[] };
        attempt: { number: number };
      };
      expect(body.quiz.id).toBe('summits-and-workers');
      expect(body.attempt.number).toBe(1);
      expect(JSON.stringify(body)).not.toContain('"correct"');
      const csrf = await fetch(`${url}/api/csrf`);
      const token = ((await csrf.json()) as { token: string }).token;
      const login = await fetch(`${url}/api/teacher/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `ck_csrf=${token}`, 'x-csrf-token': token },
        body: JSON.stringify({ passcode: 'readme-example-passcode' }),
      });
      expect(login.status).toBe(200);
      expect(readdirSync(join(consumer, '.data'))).toContain('classroom.db');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it("create-coursekit's bin writes a project whose `npm run check` passes with the packed @coursekit/mdx", async () => {
    // The packed bin carries @coursekit/next's template (bundled at build).
    const bundled = join(consumer, 'node_modules/create-coursekit/dist/site/template');
    expect(
      existsSync(join(bundled, 'app/lessons/[id]/page.tsx')),
      'the tarball bundles the site template',
    ).toBe(true);
    const siteOption: string[] = [];
    const { stdout } = await sh(
      join(consumer, 'node_modules/.bin/create-coursekit'),
      ['my-course', '--no-install', ...siteOption],
      consumer,
    );
    expect(stdout).toContain('Wrote my-course into my-course');
    const project = join(consumer, 'my-course');
    expect(existsSync(join(project, 'node_modules')), '--no-install installs nothing').toBe(false);
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.scripts).toMatchObject({ check: 'coursekit check course', dev: 'next dev' });
    expect(JSON.stringify(manifest)).not.toContain('workspace:');

    // npm run puts every node_modules/.bin above the project on PATH: coursekit is the packed one in the consumer.
    const check = await sh('npm', ['run', '--silent', 'check'], project);
    expect(check.stdout).toBe('no problems found\n');
    expect(realpathSync(join(consumer, 'node_modules/.bin/coursekit'))).toContain(
      join(consumer, 'node_modules/@coursekit/mdx/'),
    );

    // And it refuses the folder now that it has files, writing nothing.
    const again = await run(
      join(consumer, 'node_modules/.bin/create-coursekit'),
      ['my-course', ...siteOption],
      {
        cwd: consumer,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in again ? again.code : 0).toBe(1);
    expect(again.stderr).toMatch(/^create-coursekit: my-course is not empty \(it has /);
  });

  it('renders @coursekit/react components from the tarball, in ESM and CJS, with client entries marked', async () => {
    // React is a peer dependency: npm installed it; react-dom is the renderer a consumer brings.
    await sh('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', 'react-dom@19'], consumer);
    const script = (load: string) =>
      `${load}\n` +
      "const html = renderToStaticMarkup(createElement(Citation, { keys: ['rinna'], text: 'Rinna 2023', " +
      "html: 'Rinna 2023', cluster: { items: [{ key: 'rinna', locator: 'para. 4' }] }, readingKey: 'rinna' }));\n" +
      "const empty = renderToStaticMarkup(createElement(Instructor, null, 'teacher only'));\n" +
      'console.log(JSON.stringify({ html, empty, key: progressStorageKey("my-course") }));';
    writeFileSync(
      join(consumer, 'react.mjs'),
      script(
        "import { createElement } from 'react';\nimport { renderToStaticMarkup } from 'react-dom/server';\n" +
          "import { Citation, Instructor, progressStorageKey } from '@coursekit/react';",
      ),
    );
    writeFileSync(
      join(consumer, 'react.cjs'),
      script(
        "const { createElement } = require('react');\nconst { renderToStaticMarkup } = require('react-dom/server');\n" +
          "const { Citation, Instructor, progressStorageKey } = require('@coursekit/react');",
      ),
    );
    for (const file of ['react.mjs', 'react.cjs']) {
      const out = JSON.parse((await sh(process.execPath, [file], consumer)).stdout) as Record<string, string>;
      expect(out.html, file).toContain('href="/reading#para-4"');
      expect(out.empty, file).toBe('');
      expect(out.key, file).toBe('coursekit:my-course:progress:v1');
    }
    const installed = join(consumer, 'node_modules/@coursekit/react/dist');
    for (const file of [
      'quiz/quiz-island.js',
      'progress/mark-complete-button.js',
      'popover-escape.js',
      'quiz/index.cjs',
    ]) {
      expect(readFileSync(join(installed, file), 'utf8'), file).toMatch(
        /^(?:"use strict";\s*)?['"]use client['"]/,
      );
    }
    expect(readFileSync(join(installed, 'index.js'), 'utf8')).not.toContain('use client');
  });

  it.each(packages.map((p) => [p.manifest.name, p.dir]))('%s passes publint', async (_name, dir) => {
    const { stdout } = await sh(bin('publint'), ['run', dir, '--strict'], root);
    expect(stdout).not.toMatch(/error/i);
  });

  it.each(packages.map((p) => [p.manifest.name, p.dir]))('%s passes attw --pack', async (_name, dir) => {
    // node10 cannot see subpath exports (such as @coursekit/citations/react); every modern resolution must be right.
    // @coursekit/next is ESM only (Next.js compiles it with the app; Node.js 20.19+ can require() it): its
    // CommonJS resolution is not a problem, every ESM one must be right.
    const profile = _name === '@coursekit/next' ? 'esm-only' : 'node16';
    await sh(bin('attw'), ['--pack', dir, '--profile', profile, '--format', 'ascii'], root);
  });
});

describe('a course project from create-coursekit, installed from the tarballs and served by its own scripts', () => {
  let home = '';
  let project = '';
  let browser: Browser | undefined;
  const servers: ServedSite[] = [];

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  async function serve(): Promise<ServedSite> {
    const site = await npmStart(project, { TEACHER_PASSCODE: 'site-test-passcode' });
    servers.push(site);
    return site;
  }

  async function stopAll(): Promise<void> {
    for (const server of servers.splice(0)) await server.stop();
  }

  it('builds the starter course with `npm run build`, serves it with `npm start` and grades an answer on the server', async () => {
    home = mkdtempSync(join(tmpdir(), 'coursekit-site-'));
    await sh(join(consumer, 'node_modules/.bin/create-coursekit'), ['my-site', '--no-install'], home);
    project = join(home, 'my-site');
    // The project's own dependencies (next, react, …) from the registry; every @coursekit package from its tarball.
    const coursekitTarballs = [...tarballs]
      .filter(([name]) => name.startsWith('@coursekit/'))
      .map(([, file]) => file);
    await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', ...coursekitTarballs], project);
    await npm(['rebuild', 'better-sqlite3'], project);
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules/@coursekit/next/package.json'), 'utf8'),
    );
    expect(installed.dependencies['@coursekit/classroom']).not.toContain('workspace:');
    await npm(['run', 'build'], project);

    const site = await serve();
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${site.url}/lessons/we-the-people`);
    const choice = page.getByRole('radio', { name: 'We the People of the United States' });
    const question = page.locator('section.question').filter({ has: choice });
    await choice.check();
    // Before the check the page holds no feedback of the question: the answer key stays on the server.
    expect(await page.locator('main').textContent()).not.toContain('The sentence opens with its subject');
    const graded = page.waitForResponse(
      (response) => response.url().endsWith('/api/attempts/check') && response.request().method() === 'POST',
    );
    await question.getByRole('button', { name: 'Check answer' }).click();
    const response = await graded;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      questionId: string;
      result: { score: number; maxScore: number };
    };
    expect(body.questionId).toBe('who-ordains');
    expect(body.result.score).toBe(body.result.maxScore);
    const feedback = question.locator('.feedback');
    await feedback.waitFor();
    expect((await feedback.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Correct — 1 points? of 1\./);
    expect(await feedback.textContent()).toContain('The sentence opens with its subject');
    await page.close();
    // Install (a native SQLite driver built from source) and a production build: minutes on a busy machine.
  }, 1_500_000);

  it('serves another course folder put in place of the starter, with no text of the starter course', async () => {
    expect(project, 'the starter project was built').not.toBe('');
    await stopAll();
    const course = join(project, 'course');
    rmSync(course, { recursive: true, force: true });
    const example = join(root, 'examples/gettysburg-address');
    cpSync(example, course, {
      recursive: true,
      filter: (path) =>
        !/(^|\/)(node_modules|package\.json|[^/]*\.test\.ts)$/.test(path.slice(example.length)),
    });
    // A theme of its own, beside course.yaml (the @coursekit/next README's example).
    writeFileSync(join(course, 'theme.css'), ':root {\n  --accent: #7a2e0e;\n}\n');
    const check = await sh('npm', ['run', '--silent', 'check'], project);
    expect(check.stdout).toBe('no problems found\n');
    await npm(['run', 'build'], project);
    const site = await serve();

    const pages = ['/', '/lessons/a-nation-conceived', '/glossary', '/timeline', '/bibliography', '/reading'];
    for (const path of pages) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain('Gettysburg');
      for (const other of ['We the People', 'Preamble', 'Two Peripheries', 'two-peripheries']) {
        expect(html, `${path} shows "${other}" of another course`).not.toContain(other);
      }
    }
    const home = await (await fetch(`${site.url}/`)).text();
    expect(home).toMatch(/<style data-coursekit-theme="">:root \{\n {2}--accent: #7a2e0e;\n\}/);
    const quiz = await fetch(`${site.url}/api/quizzes/a-nation-conceived`);
    expect(quiz.status).toBe(200);
    expect(JSON.stringify(await quiz.json())).not.toContain('"correct"');
  }, 900_000);
});

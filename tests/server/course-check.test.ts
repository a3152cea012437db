// `pnpm start` serves only the course its build was made from: given another course folder, or the same course
// edited since the build, the server exits with one line that says which course, which folder and what to run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureCourseDir,
  freePort,
  makeTempDir,
  removeTempDir,
  startServer,
  teachDir,
} from '../support/server';

// What `pnpm start` runs in apps/teach.
const startScript = join(teachDir, '..', '..', 'packages', 'next', 'bin', 'coursekit-next.mjs');
const twoPeripheries = join(teachDir, 'content', 'two-peripheries');
let dir: string;

beforeAll(() => {
  dir = makeTempDir('coursekit-course-check-');
});
afterAll(() => removeTempDir(dir));

/** `pnpm start` of the default (Two Peripheries) build with COURSE_DIR set, as an operator runs it. */
async function pnpmStart(courseDir: string) {
  const result = spawnSync(process.execPath, [startScript, 'start'], {
    cwd: teachDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      COURSE_DIR: courseDir,
      DATABASE_URL: join(dir, `${readdirSync(dir).length}.db`),
      TEACHER_PASSCODE: 'course-check-passcode',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a server built for Two Peripheries', () => {
  it('refuses another course, naming both courses and the build command for the one given', async () => {
    const result = await pnpmStart(fixtureCourseDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `coursekit cannot start: this build serves the course "two-peripheries" (from ${twoPeripheries}), ` +
        `but COURSE_DIR gives "class-mode-fixture" (${fixtureCourseDir}); build for that course first: ` +
        `COURSE_DIR=${fixtureCourseDir} pnpm --filter @coursekit/teach build`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('is serving the course');
  });

  it('refuses its own course once a lesson was edited after the build: the pages would be stale', async () => {
    // The check reads the folder's contents, not its place: a copy edited stands for the built folder edited.
    const edited = join(dir, 'edited');
    cpSync(twoPeripheries, edited, { recursive: true });
    const lesson = readdirSync(join(edited, 'lessons')).find((file) => file.endsWith('.mdx'));
    appendFileSync(join(edited, 'lessons', String(lesson)), '\nA sentence added after the build.\n');
    const result = await pnpmStart(edited);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /coursekit cannot start: the course "two-peripheries" in .*edited has changed since this build .* its pages would be stale; rebuild: COURSE_DIR=.*edited pnpm --filter @coursekit\/teach build/,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('is serving the course');
  });

  it('serves an unchanged copy of its course from another folder', async () => {
    const copy = join(dir, 'copy');
    cpSync(twoPeripheries, copy, { recursive: true });
    const server = await startServer({ courseDir: copy, databasePath: join(dir, 'copy.db') });
    try {
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

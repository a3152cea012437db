// A production build of apps/teach for another course than Two Peripheries, beside the default `.next`: the
// server refuses to serve a course it was not built with, so class-mode tests on the fixture course need their own
// build. Made once and kept while both the course's files and the default build are unchanged (a new default
// build means the app's code may have changed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseIdentity } from '../../packages/next/src/lib/server/course-identity';
import { fixtureCourseDir, teachDir } from './server';

interface BuildStamp {
  courseHash: string;
  defaultBuildId: string;
}

const stampFile = 'coursekit-test-build.json';

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function run(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(teachDir, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args],
    {
      cwd: teachDir,
      env: { ...(process.env as Record<string, string>), NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`next ${args.join(' ')} failed (${code}):\n${output}`)),
    ),
  );
}

/**
 * The folder (relative to apps/teach, for `COURSEKIT_DIST_DIR`) of a production build for `courseDir`, building it
 * when it is missing or out of date (about a minute or two).
 */
export async function courseBuild(courseDir: string, distDir: string): Promise<string> {
  const defaultBuildId = readFileSync(join(teachDir, '.next', 'BUILD_ID'), 'utf8').trim();
  const wanted: BuildStamp = { courseHash: courseIdentity(courseDir).hash, defaultBuildId };
  const built = join(teachDir, distDir);
  const stamp = readJson<BuildStamp>(join(built, stampFile));
  if (
    existsSync(join(built, 'BUILD_ID')) &&
    stamp?.courseHash === wanted.courseHash &&
    stamp.defaultBuildId === wanted.defaultBuildId
  ) {
    return distDir;
  }
  rmSync(join(built, stampFile), { force: true });
  await run(['build'], { NODE_ENV: 'production', COURSE_DIR: courseDir, COURSEKIT_DIST_DIR: distDir });
  writeFileSync(join(built, stampFile), JSON.stringify(wanted));
  return distDir;
}

/** The build of the class-mode fixture course (packages/classroom/test/fixtures/course). */
export function fixtureCourseBuild(): Promise<string> {
  return courseBuild(fixtureCourseDir, '.next-fixture-course');
}

// Starts the production build of apps/teach (`next start`) on a free 127.0.0.1 port with its own SQLite
// file, for API, durability and end-to-end tests. The build must exist: turbo builds it first (`^build`).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const teachDir = join(repoRoot, 'apps', 'teach');
/** The small course the class-mode tests run against (three lessons, one quiz per behaviour). */
export const fixtureCourseDir = join(repoRoot, 'packages', 'classroom', 'test', 'fixtures', 'course');
export const DEFAULT_TEACHER_PASSCODE = 'test-teacher-passcode';

export interface ServerOptions {
  /** SQLite file; default: a fresh one in a new temp folder (removed by `cleanup`). */
  databasePath?: string;
  /** COURSE_DIR; default: the app's own course. */
  courseDir?: string;
  /**
   * The build to serve, as a folder of apps/teach (COURSEKIT_DIST_DIR); default `.next`, the Two Peripheries build.
   * The server refuses a `courseDir` its build was not made from: see `courseBuild` in ./course-build.
   */
  distDir?: string;
  /** TEACHER_PASSCODE; default DEFAULT_TEACHER_PASSCODE. Pass null to leave it unset. */
  teacherPasscode?: string | null;
  env?: Record<string, string>;
  /** How long to wait for the server to answer, in ms (default 60 s). */
  startTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  databasePath: string;
  teacherPasscode: string | undefined;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would; resolves once the process has exited. */
  kill(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh temp folder for databases; remove it with `removeTempDir` when done. */
export function makeTempDir(prefix = 'coursekit-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const distDir = options.distDir ?? '.next';
  if (!existsSync(join(teachDir, distDir, 'BUILD_ID'))) {
    throw new Error(
      `apps/teach has no production build in ${distDir}. Run \`pnpm --filter @coursekit/teach run build\` ` +
        '(`pnpm test` runs it through turbo).',
    );
  }
  const port = await freePort();
  const databasePath = options.databasePath ?? join(makeTempDir(), 'coursekit.db');
  const teacherPasscode =
    options.teacherPasscode === null ? undefined : (options.teacherPasscode ?? DEFAULT_TEACHER_PASSCODE);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databasePath,
    ...(options.courseDir ? { COURSE_DIR: options.courseDir } : {}),
    COURSEKIT_DIST_DIR: distDir,
    ...options.env,
  };
  delete env.TEACHER_PASSCODE;
  if (teacherPasscode !== undefined) env.TEACHER_PASSCODE = teacherPasscode;

  const nextBin = join(teachDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: teachDir,
      env,
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
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `next start exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/csrf`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer on ${url} in time:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 150));
  }

  return {
    url,
    port,
    databasePath,
    teacherPasscode,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

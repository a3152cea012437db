// Starts one @coursekit/classroom instance on plain node:http (packages/classroom/test/serve.mjs, from the
// package's build) as a child process, so that a test can run several on one database and kill -9 one.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server';

export interface ClassroomInstance {
  url: string;
  output(): string;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const serveScript = join(repoRoot, 'packages', 'classroom', 'test', 'serve.mjs');

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startClassroomInstance(env: Record<string, string>): Promise<ClassroomInstance> {
  if (!existsSync(join(repoRoot, 'packages', 'classroom', 'dist', 'index.js'))) {
    throw new Error('@coursekit/classroom is not built: run `pnpm --filter @coursekit/classroom build`.');
  }
  const child = spawn(process.execPath, [serveScript], {
    env: { ...(process.env as Record<string, string>), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the instance did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const found = /listening (http:\/\/\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the instance exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

// A course project as `npm create coursekit` writes it, installed from the packed tarballs, built and served with
// its own scripts (`npm run build`, `npm start`), for the packaging test.
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../support/server';

export interface ServedSite {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `npm <args>` in `cwd` and resolves with its output; rejects with the output when it fails. */
export function npm(args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const child = spawn('npm', args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0
        ? done(output)
        : fail(new Error(`npm ${args.join(' ')} failed (${code}) in ${cwd}:\n${output}`)),
    ),
  );
}

/**
 * `npm start -- --hostname 127.0.0.1 --port <free port>` in `project`, resolved once the home page answers. npm and
 * the Next.js server under it are one process group, so `stop` ends both.
 */
export async function npmStart(project: string, env: Record<string, string> = {}): Promise<ServedSite> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'npm',
    ['start', '--', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: project,
      detached: true,
      env: {
        ...process.env,
        NO_COLOR: '1',
        NEXT_TELEMETRY_DISABLED: '1',
        COURSE_DIR: '',
        DATABASE_URL: '',
        ...env,
      },
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
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 240; tries += 1) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return { url, output: () => output, stop };
    } catch {}
    await new Promise((wait) => setTimeout(wait, 500));
  }
  await stop();
  throw new Error(`npm start did not answer on ${url} within 2 minutes:\n${output}`);
}

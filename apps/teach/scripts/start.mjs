// Serves the production build on 127.0.0.1 (PORT, default 3000) and prints the URL once it answers.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';

/** Resolves with the error code when host:port cannot be listened on (EADDRINUSE, EACCES, ...), else null. */
function portProblem() {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error) => done(error.code ?? String(error)));
    probe.listen(Number(port), host, () => probe.close(() => done(null)));
  });
}

const problem = await portProblem();
if (problem) {
  const why =
    problem === 'EADDRINUSE'
      ? `another program is already listening on ${host}:${port} (an earlier \`pnpm start\` or \`pnpm dev\`?)`
      : `${host}:${port} cannot be listened on (${problem})`;
  console.error(
    `\n  coursekit cannot start: ${why}.\n  Stop that program, or choose another port: PORT=3001 pnpm start\n`,
  );
  process.exit(1);
}

const child = spawn(process.execPath, [nextBin, 'start', '--hostname', host, '--port', port], {
  cwd: appDir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
let exited = false;
child.on('exit', (code) => {
  exited = true;
  process.exit(code ?? 0);
});

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
for (let i = 0; i < 120 && !exited; i++) {
  try {
    const res = await fetch(url);
    if (!exited && (res.ok || res.status < 500)) {
      console.log(`\n  coursekit is serving the course at ${url}\n`);
      break;
    }
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
}

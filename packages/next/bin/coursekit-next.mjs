#!/usr/bin/env node
// coursekit-next start [--hostname H] [--port N]: `next start` for a coursekit site, on 127.0.0.1:3000 unless
// told otherwise (HOST and PORT work too). It checks the port first and says plainly when it is taken, instead
// of printing that it serves, and prints the URL once the site answers. Other arguments go to `next start`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const USAGE = 'usage: coursekit-next start [--hostname <host>] [--port <port>] [other `next start` options]';
const [command, ...rest] = process.argv.slice(2);
if (command !== 'start') {
  console.error(command === undefined ? USAGE : `coursekit-next: unknown command '${command}'\n${USAGE}`);
  process.exit(2);
}

let host = process.env.HOST || '127.0.0.1';
let port = process.env.PORT || '3000';
const passOn = [];
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  const [name, inline] = arg.split(/=(.*)/s, 2);
  const value = () => inline ?? rest[++i];
  if (name === '--hostname' || name === '-H') host = value();
  else if (name === '--port' || name === '-p') port = value();
  else passOn.push(arg);
}
if (!/^\d{1,5}$/.test(String(port)) || Number(port) > 65535) {
  console.error(`coursekit-next: '${port}' is not a port number (0–65535).\n${USAGE}`);
  process.exit(2);
}

/** Resolves with the error code when host:port cannot be listened on (EADDRINUSE, EACCES, ...), else null. */
function portProblem() {
  if (Number(port) === 0) return Promise.resolve(null);
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
      ? `another program is already listening on ${host}:${port} (an earlier start or dev server?)`
      : `${host}:${port} cannot be listened on (${problem})`;
  const script = process.env.npm_lifecycle_event === 'start' ? 'npm start' : 'coursekit-next start';
  const runner = process.env.npm_config_user_agent?.startsWith('pnpm') ? 'pnpm start' : script;
  console.error(
    `\n  coursekit cannot start: ${why}.\n  Stop that program, or choose another port: PORT=3001 ${runner}\n`,
  );
  process.exit(1);
}

const nextBin = createRequire(`${process.cwd()}/`).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [nextBin, 'start', '--hostname', host, '--port', port, ...passOn], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
let exited = false;
child.on('exit', (code, signal) => {
  exited = true;
  process.exit(code ?? (signal ? 1 : 0));
});

if (Number(port) !== 0) {
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/`;
  for (let i = 0; i < 120 && !exited; i++) {
    try {
      const res = await fetch(url);
      if (!exited && res.status < 500) {
        console.log(`\n  coursekit is serving the course at ${url}\n`);
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
}

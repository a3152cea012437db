// Serves the production build on 127.0.0.1 (PORT, default 3000) and prints the URL once it answers.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';

const child = spawn(process.execPath, [nextBin, 'start', '--hostname', host, '--port', port], {
  cwd: appDir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(url);
    if (res.ok || res.status < 500) {
      console.log(`\n  coursekit is serving the course at ${url}\n`);
      break;
    }
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
}

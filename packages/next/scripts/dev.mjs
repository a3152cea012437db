#!/usr/bin/env node
// `pnpm dev`: tsc --watch for the modules, and the stylesheets and images (.css, .svg) of src/ copied to dist/
// and kept in step (changed, added or removed) while it runs, as `pnpm build` copies them once.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyAssets, watchAssets } from './assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

const copied = copyAssets(src, dist);
console.log(`@coursekit/next: ${copied} stylesheets copied to dist/; watching src/ for changes`);
const watcher = watchAssets(src, dist, (file, what) => console.log(`@coursekit/next: ${what} ${file}`));

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const child = spawn(
  process.execPath,
  [tsc, '-p', join(root, 'tsconfig.build.json'), '--watch', '--preserveWatchOutput'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  watcher.close();
  process.exit(code ?? (signal ? 0 : 1));
});

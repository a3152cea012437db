#!/usr/bin/env node
// Builds dist/ file by file with tsc, as written: every client component keeps its own 'use client' first line,
// relative imports keep their .js names, and the stylesheets (globals.css, the CSS modules) are copied beside
// the modules that import them, for Next.js to compile with the app (withCoursekit lists this package in
// transpilePackages).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyAssets } from './assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

const copied = copyAssets(src, dist);
console.log(`@coursekit/next: built dist/ (${copied} stylesheets copied)`);

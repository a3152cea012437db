#!/usr/bin/env node
// Builds dist/ file by file with tsc, as written: every client component keeps its own 'use client' first line,
// relative imports keep their .js names, and the stylesheets (globals.css, the CSS modules) are copied beside
// the modules that import them, for Next.js to compile with the app (withCoursekit lists this package in
// transpilePackages).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

let copied = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.css') || entry.name.endsWith('.svg')) {
      cpSync(path, join(dist, relative(src, path)));
      copied += 1;
    }
  }
};
walk(src);
console.log(`@coursekit/next: built dist/ (${copied} stylesheets copied)`);

#!/usr/bin/env node
// Fails when a branch changes a published package (packages/*) without a changeset that names it.
//
// It compares the working tree with the merge-base of HEAD and main (CHANGESET_BASE, then origin/main,
// then main). On main itself, or where no main is known (a fresh clone of one branch, a shallow clone),
// there is nothing to compare and it passes, saying so. Changes only to tests, benchmarks, READMEs and
// changelogs need no changeset.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const cwd = process.cwd();

function git(...args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function findBase() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: run by pnpm test directly, not as a turbo task
  const candidates = [process.env.CHANGESET_BASE, 'origin/main', 'main'].filter(Boolean);
  for (const ref of candidates) {
    const base = git('merge-base', 'HEAD', ref);
    if (base) return { ref, base };
  }
  return undefined;
}

/** Files that need no changeset: they do not reach a package user. */
const unpublished =
  /(^|\/)(test|tests|bench|__fixtures__)\/|\.(test|bench)\.[cm]?[jt]sx?$|(^|\/)(README|CHANGELOG)\.md$/;

function publishedPackages() {
  const dir = join(cwd, 'packages');
  if (!existsSync(dir)) return new Map();
  const byFolder = new Map();
  for (const folder of readdirSync(dir)) {
    const manifest = join(dir, folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, private: isPrivate } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!isPrivate) byFolder.set(folder, name);
  }
  return byFolder;
}

/** Package names in a changeset's front matter: `'@coursekit/mdx': minor`. */
function namesIn(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^\s*['"]?([^'":\s]+)['"]?\s*:\s*(major|minor|patch)\s*$/gm)].map(
    (match) => match[1],
  );
}

const found = findBase();
if (!found) {
  console.log('check-changesets: no main branch to compare with (fresh or shallow clone); skipped');
  process.exit(0);
}
const head = git('rev-parse', 'HEAD');
const changed = new Set([
  ...(git('diff', '--name-only', found.base) ?? '').split('\n'),
  ...(git('ls-files', '--others', '--exclude-standard') ?? '').split('\n'),
]);
changed.delete('');
if (found.base === head && changed.size === 0) {
  console.log(`check-changesets: HEAD is ${found.ref}; nothing to compare`);
  process.exit(0);
}

const packages = publishedPackages();
const needing = new Map();
for (const file of changed) {
  const match = /^packages\/([^/]+)\/(.+)$/.exec(file);
  if (!match || unpublished.test(match[2])) continue;
  const name = packages.get(match[1]);
  if (name) needing.set(name, [...(needing.get(name) ?? []), file]);
}

const covered = new Set();
for (const file of changed) {
  if (!/^\.changeset\/[^/]+\.md$/.test(file) || file.endsWith('README.md') || !existsSync(join(cwd, file)))
    continue;
  for (const name of namesIn(readFileSync(join(cwd, file), 'utf8'))) covered.add(name);
}

const missing = [...needing].filter(([name]) => !covered.has(name));
if (missing.length === 0) {
  console.log(`check-changesets: every changed package has a changeset (compared with ${found.ref})`);
  process.exit(0);
}
for (const [name, files] of missing) {
  console.error(
    `check-changesets: ${name} changed (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}) without a changeset`,
  );
}
console.error(
  "add one with `pnpm changeset` (or a .changeset/<name>.md naming the package: '<name>': patch|minor|major)",
);
process.exit(1);

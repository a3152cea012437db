// The CI check that a package change comes with a changeset, run on throwaway git repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from './graph.js';

const script = join(root, 'scripts/check-changesets.mjs');
let repo: string;

function write(file: string, text: string) {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
}
function git(...args: string[]) {
  execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
}
function commit(message: string) {
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', message);
}
function check(env: Record<string, string> = {}) {
  const run = spawnSync('node', [script], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env, CHANGESET_BASE: env.CHANGESET_BASE ?? '' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A repository whose main branch has one published and one private package. */
function newRepo() {
  repo = mkdtempSync(join(tmpdir(), 'coursekit-changesets-'));
  git('init', '-q', '-b', 'main');
  write('packages/kit/package.json', JSON.stringify({ name: '@example/kit' }));
  write('packages/kit/src/index.ts', 'export const a = 1;\n');
  write('packages/internal/package.json', JSON.stringify({ name: '@example/internal', private: true }));
  write('packages/internal/src/index.ts', 'export const b = 1;\n');
  commit('main');
}

afterEach(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('scripts/check-changesets.mjs', () => {
  it('passes on main itself and on a fresh clone of main', () => {
    newRepo();
    expect(check()).toMatchObject({ status: 0, output: expect.stringContaining('nothing to compare') });
  });

  it('fails for a branch that changes a published package without a changeset, naming it', () => {
    newRepo();
    git('checkout', '-qb', 'feature');
    write('packages/kit/src/index.ts', 'export const a = 2;\n');
    commit('change kit');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.output).toContain('@example/kit changed (packages/kit/src/index.ts) without a changeset');
  });

  it('passes once a changeset names the package', () => {
    newRepo();
    git('checkout', '-qb', 'feature');
    write('packages/kit/src/index.ts', 'export const a = 2;\n');
    write('.changeset/kit-two.md', "---\n'@example/kit': minor\n---\n\nA is 2.\n");
    commit('change kit');
    expect(check().status).toBe(0);
  });

  it('needs none for tests, READMEs or private packages', () => {
    newRepo();
    git('checkout', '-qb', 'feature');
    write('packages/kit/src/index.test.ts', 'test\n');
    write('packages/kit/README.md', '# kit\n');
    write('packages/internal/src/index.ts', 'export const b = 2;\n');
    commit('tests and docs');
    expect(check().status).toBe(0);
  });

  it('skips, passing, where there is no main to compare with', () => {
    newRepo();
    git('branch', '-m', 'main', 'trunk');
    write('packages/kit/src/index.ts', 'export const a = 3;\n');
    commit('change kit on a clone without main');
    expect(check()).toMatchObject({ status: 0, output: expect.stringContaining('skipped') });
  });
});

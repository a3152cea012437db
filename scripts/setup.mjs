#!/usr/bin/env node
// One-step setup for a fresh machine that has only Node.js and npm:
//   npm run setup              pnpm 12.4.2 (when missing) and every workspace dependency
//   npm run setup -- --browser also Debian's Chromium for the browser tests and Debian's PostgreSQL for
//                              the class-mode storage tests (each when missing)
// It compiles better-sqlite3 against the headers that ship beside this Node.js when no prebuilt
// binary can be downloaded (machines without access to GitHub).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PNPM_VERSION = '12.4.2';
const wantBrowser = process.argv.includes('--browser');

function run(command, args, env = process.env) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`setup: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

if (pnpmVersion() !== PNPM_VERSION) run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);

const nodePrefix = dirname(dirname(process.execPath));
const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) {
  env.npm_config_nodedir = nodePrefix;
}
run('pnpm', ['install', '--frozen-lockfile'], env);

if (wantBrowser) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    console.log(`setup: Chromium found at ${chromium}`);
  } else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    console.error(
      `setup: the browser tests need Chromium at ${chromium}. Install it (Debian: sudo apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
}

/** The PostgreSQL server binaries the storage tests start a throwaway cluster from (initdb, pg_ctl). */
function postgresInstalled() {
  if (process.env.COURSEKIT_TEST_POSTGRES_URL || process.env.PG_BIN) return true;
  const root = '/usr/lib/postgresql';
  return (
    existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')))
  );
}

if (wantBrowser) {
  if (postgresInstalled()) {
    console.log('setup: PostgreSQL found for the storage tests');
  } else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    console.error(
      'setup: the class-mode storage tests need PostgreSQL: install it (Debian: sudo apt-get install postgresql), ' +
        'set PG_BIN to the folder of initdb and pg_ctl, or set COURSEKIT_TEST_POSTGRES_URL to a server the tests ' +
        'may create databases on.',
    );
    process.exit(1);
  }
}

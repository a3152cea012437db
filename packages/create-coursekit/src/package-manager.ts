import { spawn } from 'node:child_process';
import type { PackageManager } from '@coursekit/mdx';

/**
 * The package manager that ran `create-coursekit` (`npm create`, `pnpm create`, `yarn create`, `bun create`
 * set `npm_config_user_agent`, such as `pnpm/10.0.0 npm/? node/v20.19.0 linux x64`), npm otherwise.
 */
export function packageManagerFromUserAgent(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** Runs `<packageManager> install` in `dir` with its output on the terminal; resolves to its exit code. */
export function installDependencies(packageManager: PackageManager, dir: string): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(packageManager, ['install'], {
      cwd: dir,
      stdio: 'inherit',
      // npm on Windows is npm.cmd, which only a shell finds.
      shell: process.platform === 'win32',
    });
    child.on('error', () => resolveCode(127));
    child.on('exit', (code) => resolveCode(code ?? 1));
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of this package (the one with its package.json and `starter/`), found from this module: `src/init/`
 * when run from source, `dist/` when installed.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    if (existsSync(join(dir, 'starter')) && existsSync(join(dir, 'package.json'))) {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('the starter files of @coursekit/mdx are missing; reinstall the package');
}

/** The version of this package, for the dependency range a new project gets. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

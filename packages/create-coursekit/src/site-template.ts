import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The copy of `@coursekit/next`'s `template/` that the build bundles into `dist/site/template` (with its
 * package.json beside it, for the version and peers a project depends on), or undefined in a build made
 * without it.
 */
export function bundledSiteTemplate(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // `dist/` when installed; `src/` when run from source, where the build's copy is in `../dist`.
  for (const candidate of [join(here, 'site', 'template'), join(here, '..', 'dist', 'site', 'template')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The package whose `template/` folder holds the site's app files. */
export const sitePackage = '@coursekit/next';

/**
 * The `template/` folder of the `@coursekit/next` installed for one of `from` (looked up through each one's
 * `node_modules` folders, as Node.js resolves a package), or undefined when none is installed.
 */
export function findSiteTemplate(from: readonly string[]): string | undefined {
  for (const start of from) {
    let dir = resolve(start);
    for (;;) {
      const template = join(dir, 'node_modules', sitePackage, 'template');
      if (existsSync(template)) return template;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

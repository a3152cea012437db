#!/usr/bin/env node
// Copies @coursekit/next's template/ (the thin app files every course project needs) and its package.json into
// dist/site/, so that `npm create coursekit` writes them without installing the site package first.
// It is read from the workspace's packages/next (turbo.json lists it as an input of this build).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const site = join(here, '..', '..', 'next');
const out = join(here, '..', 'dist', 'site');

rmSync(out, { recursive: true, force: true });
if (!existsSync(join(site, 'template'))) {
  // Until @coursekit/next lands the build still succeeds; the bin then asks for --site-template.
  console.warn(`create-coursekit: no ${join(site, 'template')}; the build has no site template`);
  process.exit(0);
}
mkdirSync(out, { recursive: true });
cpSync(join(site, 'template'), join(out, 'template'), { recursive: true });
// Only what a new project takes from it (its version and the peers to depend on): a nested package.json with
// `exports` or `main` would be read by some bundlers as if it were a package.
const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
const { name, version, peerDependencies, peerDependenciesMeta } = manifest;
writeFileSync(
  join(out, 'package.json'),
  `${JSON.stringify({ name, version, private: true, peerDependencies, peerDependenciesMeta }, null, 2)}\n`,
);
// npm leaves .gitignore and .npmrc out of a package (and reads .gitignore as pack rules), so they travel
// without the dot; @coursekit/mdx's initProject writes them back with it.
const undot = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) undot(path);
    else if (entry.name === '.gitignore' || entry.name === '.npmrc')
      renameSync(path, join(dir, entry.name.slice(1)));
  }
};
undot(join(out, 'template'));
console.log(`create-coursekit: bundled the site template of ${site}`);

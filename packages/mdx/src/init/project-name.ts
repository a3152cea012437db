import { basename } from 'node:path';
import validatePackageName from 'validate-npm-package-name';

export type ProjectNameCheck = { ok: true; name: string } | { ok: false; name: string; problems: string[] };

/**
 * Whether `name` can be the `name` of a new package.json: npm's own rules (through
 * validate-npm-package-name), the problems in plain words.
 */
export function checkProjectName(name: string): ProjectNameCheck {
  const result = validatePackageName(name);
  if (result.validForNewPackages) return { ok: true, name };
  const problems = [...(result.errors ?? []), ...(result.warnings ?? [])];
  return { ok: false, name, problems: [...new Set(problems)] };
}

/** A package name made from a folder name (`My Course` -> `my-course`), for a folder given without a name. */
export function projectNameFromFolder(dir: string): string {
  return basename(dir)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[-._]+|[-.]+$/g, '');
}
